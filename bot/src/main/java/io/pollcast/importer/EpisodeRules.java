package io.pollcast.importer;

import io.pollcast.domain.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validation both file formats share, so a show-notes file and a HOCON file with the same
 * content give the same draft or the same complaint. Each check names the line it is about.
 */
final class EpisodeRules {
  static final int MAX_EPISODE_NUMBER = 99_999;
  static final int MAX_THESIS_NUMBER = 999;
  static final int MAX_TITLE_LENGTH = 200;
  static final int MAX_THESIS_LENGTH = 1000;
  static final int MIN_OPTIONS = 2;
  static final int MAX_OPTIONS = 5;
  static final int MAX_OPTION_LENGTH = 40;

  private final String source;

  EpisodeRules(String source) {
    this.source = source;
  }

  String source() {
    return source;
  }

  /** A problem on a line (0: the whole file), said by message key {@code notes.<key>}. */
  EpisodeFormatException problem(int line, String key, Object... arguments) {
    return new EpisodeFormatException(source, Notice.of(line, "notes." + key, arguments));
  }

  /** As {@link #problem(int, String, Object...)}, keeping the underlying cause. */
  EpisodeFormatException problemCausedBy(
      Throwable cause, int line, String key, Object... arguments) {
    return new EpisodeFormatException(source, Notice.of(line, "notes." + key, arguments), cause);
  }

  int episodeNumber(int line, long number) throws EpisodeFormatException {
    if (number < 1 || number > MAX_EPISODE_NUMBER) {
      throw problem(line, "episode-number-range", String.valueOf(MAX_EPISODE_NUMBER));
    }
    return (int) number;
  }

  int thesisNumber(int line, long number) throws EpisodeFormatException {
    if (number < 1 || number > MAX_THESIS_NUMBER) {
      throw problem(line, "thesis-number-range", String.valueOf(MAX_THESIS_NUMBER));
    }
    return (int) number;
  }

  String title(int line, String raw) throws EpisodeFormatException {
    refuseControlCharacters(line, "title", 0, raw);
    String title = ContextText.collapseSpaces(raw);
    if (title.isEmpty()) {
      throw problem(line, "title-empty");
    }
    int length = length(title);
    if (length > MAX_TITLE_LENGTH) {
      throw problem(
          line, "title-too-long", String.valueOf(length), String.valueOf(MAX_TITLE_LENGTH));
    }
    return title;
  }

  /** Keeps the text word for word; only whitespace is collapsed and the ends are trimmed. */
  String thesisText(int line, int number, String raw) throws EpisodeFormatException {
    refuseControlCharacters(line, "thesis", number, raw);
    String text = ContextText.collapseSpaces(raw);
    if (text.isEmpty()) {
      throw problem(line, "thesis-empty", String.valueOf(number));
    }
    int length = length(text);
    if (length > MAX_THESIS_LENGTH) {
      throw problem(
          line,
          "thesis-too-long",
          String.valueOf(number),
          String.valueOf(length),
          String.valueOf(MAX_THESIS_LENGTH));
    }
    return text;
  }

  String context(int line, int number, String raw) throws EpisodeFormatException {
    refuseControlCharacters(line, "context", number, raw);
    return ContextText.normalise(raw);
  }

  List<String> options(int line, List<String> raw) throws EpisodeFormatException {
    if (raw.size() < MIN_OPTIONS || raw.size() > MAX_OPTIONS) {
      throw problem(
          line,
          "options-count",
          String.valueOf(MIN_OPTIONS),
          String.valueOf(MAX_OPTIONS),
          String.valueOf(raw.size()));
    }
    List<String> options = new ArrayList<>();
    for (String each : raw) {
      int position = options.size() + 1;
      refuseControlCharacters(line, "option", position, each);
      String option = ContextText.collapseSpaces(each);
      if (option.isEmpty()) {
        throw problem(line, "option-empty", String.valueOf(position));
      }
      if (length(option) > MAX_OPTION_LENGTH) {
        throw problem(line, "option-too-long", option, String.valueOf(MAX_OPTION_LENGTH));
      }
      for (String earlier : options) {
        if (earlier.toLowerCase(Locale.ROOT).equals(option.toLowerCase(Locale.ROOT))) {
          throw problem(line, "options-same", earlier, option);
        }
      }
      options.add(option);
    }
    return List.copyOf(options);
  }

  /**
   * Refuses control characters in a part of the episode: {@code part} is {@code title}, {@code
   * thesis}, {@code context} or {@code option}, with the thesis or option {@code number}.
   */
  private void refuseControlCharacters(int line, String part, int number, String text)
      throws EpisodeFormatException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw problem(
            line,
            "control-character-in-" + part,
            String.valueOf(number),
            String.format(Locale.ROOT, "U+%04X", (int) c));
      }
    }
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
