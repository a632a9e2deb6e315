package io.pollcast.importer;

import io.pollcast.domain.ClosingTime;
import io.pollcast.importer.ShowNotesSyntax.Label;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings show notes give on labelled lines, collected as they are read: {@code Opties: Eens /
 * Oneens} (the options, separated by {@code /}, or by {@code ,} when there is no {@code /}), {@code
 * Sluit: 3d} (the closing time) and {@code Stemming: voor en na} (a debate). Each may be given
 * once: a second one is refused naming the line of the first, so the host never wonders which one
 * counts.
 */
final class ShowNotesSettings {
  private static final Pattern SLASH = Pattern.compile("/");
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern DEBATE =
      Pattern.compile("(?:voor en na|before and after)[.!]?", Pattern.CASE_INSENSITIVE);

  private final EpisodeRules rules;
  private Optional<List<String>> options = Optional.empty();
  private Optional<ClosingTime> closing = Optional.empty();
  private boolean debate;
  private int optionsLine;
  private int closingLine;

  ShowNotesSettings(EpisodeRules rules) {
    this.rules = rules;
  }

  /** Reads the setting on {@code line}; a malformed or repeated one is refused with its line. */
  void read(SourceLine line, Label label) throws EpisodeFormatException {
    switch (label.kind()) {
      case OPTIONS -> {
        if (options.isPresent()) {
          throw rules.problem(line.number(), "options-twice", String.valueOf(optionsLine));
        }
        Pattern separator = label.value().contains("/") ? SLASH : COMMA;
        options =
            Optional.of(rules.options(line.number(), List.of(separator.split(label.value(), -1))));
        optionsLine = line.number();
      }
      case CLOSES -> {
        if (closing.isPresent()) {
          throw rules.problem(line.number(), "closing-twice", String.valueOf(closingLine));
        }
        try {
          closing = Optional.of(ClosingTime.parse(label.value()));
        } catch (IllegalArgumentException e) {
          throw rules.problemCausedBy(e, line.number(), "closing", e.getMessage());
        }
        closingLine = line.number();
      }
      case VOTING -> {
        if (!DEBATE.matcher(label.value()).matches()) {
          throw rules.problem(line.number(), "voting", label.value());
        }
        debate = true;
      }
    }
  }

  /** The options given, or none (the defaults then apply). */
  List<String> options() {
    return options.orElse(List.of());
  }

  Optional<ClosingTime> closing() {
    return closing;
  }

  boolean debate() {
    return debate;
  }
}
