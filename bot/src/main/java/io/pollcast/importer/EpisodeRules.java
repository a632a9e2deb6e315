package io.pollcast.importer;

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

  EpisodeFormatException problem(int line, String message) {
    return new EpisodeFormatException(source, line, message);
  }

  EpisodeFormatException problem(int line, String message, Throwable cause) {
    return new EpisodeFormatException(source, line, message, cause);
  }

  int episodeNumber(int line, long number) throws EpisodeFormatException {
    if (number < 1 || number > MAX_EPISODE_NUMBER) {
      throw problem(line, "the episode number must be between 1 and " + MAX_EPISODE_NUMBER);
    }
    return (int) number;
  }

  int thesisNumber(int line, long number) throws EpisodeFormatException {
    if (number < 1 || number > MAX_THESIS_NUMBER) {
      throw problem(line, "a thesis number must be between 1 and " + MAX_THESIS_NUMBER);
    }
    return (int) number;
  }

  String title(int line, String raw) throws EpisodeFormatException {
    refuseControlCharacters(line, "the title", raw);
    String title = ContextText.collapseSpaces(raw);
    if (title.isEmpty()) {
      throw problem(line, "the episode title is empty");
    }
    int length = length(title);
    if (length > MAX_TITLE_LENGTH) {
      throw problem(
          line,
          "the title is "
              + length
              + " characters long; the limit is "
              + MAX_TITLE_LENGTH
              + " characters");
    }
    return title;
  }

  /** Keeps the text word for word; only whitespace is collapsed and the ends are trimmed. */
  String thesisText(int line, int number, String raw) throws EpisodeFormatException {
    refuseControlCharacters(line, "thesis " + number, raw);
    String text = ContextText.collapseSpaces(raw);
    if (text.isEmpty()) {
      throw problem(line, "thesis " + number + " has no text");
    }
    int length = length(text);
    if (length > MAX_THESIS_LENGTH) {
      throw problem(
          line,
          "thesis "
              + number
              + " is "
              + length
              + " characters long; the limit is "
              + MAX_THESIS_LENGTH
              + " characters");
    }
    return text;
  }

  String context(int line, int number, String raw) throws EpisodeFormatException {
    refuseControlCharacters(line, "the context of thesis " + number, raw);
    return ContextText.normalise(raw);
  }

  List<String> options(int line, List<String> raw) throws EpisodeFormatException {
    if (raw.size() < MIN_OPTIONS || raw.size() > MAX_OPTIONS) {
      throw problem(
          line,
          "give between "
              + MIN_OPTIONS
              + " and "
              + MAX_OPTIONS
              + " options, not "
              + raw.size()
              + ", like \"Opties: Eens / Oneens / Weet niet\"");
    }
    List<String> options = new ArrayList<>();
    for (String each : raw) {
      int position = options.size() + 1;
      refuseControlCharacters(line, "option " + position, each);
      String option = ContextText.collapseSpaces(each);
      if (option.isEmpty()) {
        throw problem(line, "option " + position + " is empty");
      }
      if (length(option) > MAX_OPTION_LENGTH) {
        throw problem(
            line,
            "option \""
                + option
                + "\" is longer than "
                + MAX_OPTION_LENGTH
                + " characters; keep options short");
      }
      for (String earlier : options) {
        if (earlier.toLowerCase(Locale.ROOT).equals(option.toLowerCase(Locale.ROOT))) {
          throw problem(
              line,
              "options \""
                  + earlier
                  + "\" and \""
                  + option
                  + "\" are the same; options must differ (ignoring case)");
        }
      }
      options.add(option);
    }
    return List.copyOf(options);
  }

  private void refuseControlCharacters(int line, String what, String text)
      throws EpisodeFormatException {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw problem(
            line,
            String.format(
                Locale.ROOT,
                "%s contains the control character U+%04X; remove it"
                    + " (only tabs and line ends are allowed)",
                what,
                (int) c));
      }
    }
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
