package io.pollcast.command;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes the signed links that {@code /poll dashboard} and {@code /poll overlay 68} hand out. The
 * web adapter implements it; empty while the dashboard is not served (turned off, or its port was
 * taken). Thread-safe.
 */
public interface WebLinks {
  /** No dashboard: every link is empty. */
  WebLinks OFF =
      new WebLinks() {
        @Override
        public Optional<Link> dashboard(Actor actor, Place place) {
          return Optional.empty();
        }

        @Override
        public Optional<Link> overlay(int episode) {
          return Optional.empty();
        }
      };

  /**
   * A link to the dashboard for a moderator or host, naming their role; a host's link starts polls
   * in {@code place}, where it was asked for.
   */
  Optional<Link> dashboard(Actor actor, Place place);

  /** A read-only link to the overlay of an episode. */
  Optional<Link> overlay(int episode);

  /**
   * A link handed out.
   *
   * @param url the whole address, token included
   * @param expires when it stops working
   */
  record Link(String url, Instant expires) {}
}
