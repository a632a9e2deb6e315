package io.pollcast.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a host stands on a thesis, as an episode file says ({@code stance = Eens}, or {@code stance
 * { Anna = Eens }}), before it is checked against the episode's options and stored.
 *
 * @param host the host's name; empty when the file speaks for the hosts together
 * @param label the option as the file writes it
 * @param line the line of the file it is on, for an error that names it
 */
public record StanceDraft(Optional<String> host, String label, int line) {
  public StanceDraft {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(label, "label");
  }
}
