package io.pollcast.importer;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An episode as read from a file, before it is stored: its number, its title and the theses the
 * community votes on, in the order the file lists them.
 *
 * <p>{@code options} are the answers a voter can pick; an empty list means "use the configured
 * default". {@code closing} says when the polls close; empty means they stay open until closed by
 * hand. The lists are immutable copies.
 */
public record EpisodeDraft(
    int number,
    String title,
    List<ThesisDraft> theses,
    List<String> options,
    Optional<ClosingTime> closing) {

  /** Checks the invariants; throws {@link IllegalArgumentException} when one is broken. */
  public EpisodeDraft {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(closing, "closing");
    theses = List.copyOf(theses);
    options = List.copyOf(options);
    if (number < 1) {
      throw new IllegalArgumentException("episode number must be at least 1, was " + number);
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("episode title must not be blank");
    }
    if (theses.isEmpty()) {
      throw new IllegalArgumentException("an episode needs at least one thesis");
    }
    Set<Integer> numbers = new HashSet<>();
    for (ThesisDraft thesis : theses) {
      if (!numbers.add(thesis.number())) {
        throw new IllegalArgumentException("thesis " + thesis.number() + " appears twice");
      }
    }
  }
}
