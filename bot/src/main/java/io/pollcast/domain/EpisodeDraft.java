package io.pollcast.domain;

import io.pollcast.config.Language;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An episode as read from a file, before it is stored: its number, its title and the theses the
 * community votes on, in the order the file lists them.
 *
 * <p>{@code options} are the answers a voter can pick; an empty list means "use the default for
 * {@code language}". {@code closing} says when the polls close; empty means they stay open until
 * closed by hand. {@code language} is the language the notes are written in, when their headings
 * say ({@code Stelling} or {@code Thesis}/{@code Motion}); {@code warnings} are what the host
 * should know about a file that was read all the same (a gap in the numbering, a thesis longer than
 * a platform shows). {@code debate} is set when the notes ask for votes before and after listening
 * ({@code Stemming: voor en na}, HOCON {@code debate = true}). The lists are immutable copies.
 */
public record EpisodeDraft(
    int number,
    String title,
    List<ThesisDraft> theses,
    List<String> options,
    Optional<ClosingTime> closing,
    Optional<Language> language,
    List<Notice> warnings,
    boolean debate) {

  /** Checks the invariants; throws {@link IllegalArgumentException} when one is broken. */
  public EpisodeDraft {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(closing, "closing");
    Objects.requireNonNull(language, "language");
    theses = List.copyOf(theses);
    warnings = List.copyOf(warnings);
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

  /** A draft whose notes ask for no debate. */
  public EpisodeDraft(
      int number,
      String title,
      List<ThesisDraft> theses,
      List<String> options,
      Optional<ClosingTime> closing,
      Optional<Language> language,
      List<Notice> warnings) {
    this(number, title, theses, options, closing, language, warnings, false);
  }

  /** This draft, as a debate (votes before and after listening) or not. */
  public EpisodeDraft withDebate(boolean asDebate) {
    return new EpisodeDraft(number, title, theses, options, closing, language, warnings, asDebate);
  }

  /** A draft in no particular language and without warnings. */
  public EpisodeDraft(
      int number,
      String title,
      List<ThesisDraft> theses,
      List<String> options,
      Optional<ClosingTime> closing) {
    this(number, title, theses, options, closing, Optional.empty(), List.of());
  }
}
