package io.pollcast.web;

import io.pollcast.command.WebLinks;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands out the signed links of {@code /poll dashboard} and {@code /poll overlay 68}, valid for
 * {@code pollcast.web.link-ttl}. Links are empty until {@link #serveAt} gives the address the
 * dashboard is reached at, that is while the dashboard is off or its port was taken. Thread-safe.
 */
public final class DashboardLinks implements WebLinks {
  /** Where a link's token goes: the query parameter {@code t}. */
  static final String TOKEN = "t";

  private final LinkSigner signer;
  private final Duration ttl;
  private final Clock clock;
  private final AtomicReference<String> base = new AtomicReference<>();

  public DashboardLinks(LinkSigner signer, Duration ttl, Clock clock) {
    this.signer = signer;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Starts handing out links to {@code baseUrl}, such as {@code http://127.0.0.1:8080}. */
  public void serveAt(String baseUrl) {
    base.set(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
  }

  @Override
  public Optional<Link> dashboard(Actor actor, Place place) {
    Instant expires = expiry();
    return link("/dashboard", LinkClaims.dashboard(actor, place, expires), expires);
  }

  @Override
  public Optional<Link> overlay(int episode) {
    Instant expires = expiry();
    return link("/overlay/" + episode, LinkClaims.overlay(episode, expires), expires);
  }

  private Optional<Link> link(String path, LinkClaims claims, Instant expires) {
    String at = base.get();
    if (at == null) {
      return Optional.empty();
    }
    String token = URLEncoder.encode(signer.sign(claims), StandardCharsets.US_ASCII);
    return Optional.of(new Link(at + path + "?" + TOKEN + "=" + token, expires));
  }

  private Instant expiry() {
    return clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }
}
