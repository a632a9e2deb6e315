package io.pollcast.importer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the kinds of line show notes are made of. Hosts write by hand and paste from markdown
 * editors, so every pattern ignores case and accepts markdown decoration: a heading ({@code ## }),
 * a list bullet, a quote, and emphasis around the keyword ({@code **Stelling 1:**}). Lines reach
 * this class already stripped and with plain spaces (see {@link SourceLines}).
 */
final class ShowNotesSyntax {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final String SEPARATOR = "[:.\\-\\u2013\\u2014]";

  private static final Pattern BLOCK_PREFIX = Pattern.compile("^(?:#{1,6} +|[-+*•] +|> *)");
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("#{1,6} +\\S.*");
  private static final Pattern CLOSING_HASHES = Pattern.compile(" +#+$");
  private static final Pattern EPISODE_NUMBER =
      Pattern.compile(
          "(?:(?:aflevering|episode|afl\\.?|ep\\.?) *)?(?:# *)?(?<number>\\d+)"
              + "(?: *(?:"
              + SEPARATOR
              + "|$) *(?<title>.*))?",
          FLAGS);
  private static final Pattern THESIS =
      Pattern.compile(
          "(?<open>[*_]{0,3}) *(?:stelling|thesis|statement) *#? *(?<number>\\d+)"
              + " *(?<close>[*_]{0,3}) *(?:"
              + SEPARATOR
              + "|$) *(?<close2>[*_]{0,3}) *(?<text>.*)",
          FLAGS);
  private static final Pattern UNNUMBERED_THESIS =
      Pattern.compile(
          "[*_]{0,3} *(?:stelling|thesis|statement) *[*_]{0,3} *[:\\-\\u2013\\u2014].*", FLAGS);
  private static final Pattern LABEL =
      Pattern.compile(
          "(?<open>[*_]{0,3}) *(?<label>opties|options|sluit|closes)"
              + " *(?<close>[*_]{0,3}) *: *(?<close2>[*_]{0,3}) *(?<value>.*)",
          FLAGS);
  private static final Pattern EMPHASIS_WRAP = Pattern.compile("^([*_]{1,3})(.+?)\\1$");
  private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
  private static final Pattern NOT_A_HEADING = Pattern.compile("://|^(?:[-+*•]|\\d{1,3}[.)]) ");
  private static final Pattern THEMATIC_BREAK = Pattern.compile("(?:[-*_=] ?){3,}");
  private static final int MAX_HEADING_LENGTH = 60;
  private static final String FINAL_PUNCTUATION = ".!?…;,";

  /** The first line: the episode number and, when written on the same line, the title. */
  record EpisodeNumberLine(String digits, String title) {}

  /** {@code Stelling 1: text}; the text may be empty, which the caller reports. */
  record ThesisHeading(String digits, String text) {}

  /** A setting written as a labelled line, such as {@code Opties: Eens / Oneens}. */
  record Label(Kind kind, String value) {
    enum Kind {
      OPTIONS,
      CLOSES
    }
  }

  private ShowNotesSyntax() {}

  static Optional<EpisodeNumberLine> episodeNumber(String line) {
    Matcher m = EPISODE_NUMBER.matcher(plain(line));
    if (!m.matches()) {
      return Optional.empty();
    }
    String title = m.group("title");
    return Optional.of(new EpisodeNumberLine(m.group("number"), title == null ? "" : plain(title)));
  }

  static Optional<ThesisHeading> thesisHeading(String line) {
    Matcher m = THESIS.matcher(withoutBlockPrefix(line));
    if (!m.matches()) {
      return Optional.empty();
    }
    String text = unclosed(m.group("open"), m.group("close") + m.group("close2"), m.group("text"));
    return Optional.of(new ThesisHeading(m.group("number"), text));
  }

  /** A line that starts like a thesis heading but has no number, e.g. {@code Stelling: text}. */
  static boolean isUnnumberedThesis(String line) {
    return UNNUMBERED_THESIS.matcher(withoutBlockPrefix(line)).matches();
  }

  static Optional<Label> label(String line) {
    Matcher m = LABEL.matcher(withoutBlockPrefix(line));
    if (!m.matches()) {
      return Optional.empty();
    }
    String value =
        unclosed(m.group("open"), m.group("close") + m.group("close2"), m.group("value"));
    Label.Kind kind =
        m.group("label").toLowerCase(Locale.ROOT).startsWith("o")
            ? Label.Kind.OPTIONS
            : Label.Kind.CLOSES;
    return Optional.of(new Label(kind, value));
  }

  static boolean isMarkdownHeading(String line) {
    return MARKDOWN_HEADING.matcher(line).matches();
  }

  /** A markdown rule such as {@code ---} or {@code ***}, which ends a section like a heading. */
  static boolean isThematicBreak(String line) {
    return THEMATIC_BREAK.matcher(line).matches();
  }

  /**
   * A short line without final punctuation, such as "Conclusie"; the caller checks the blank lines
   * around it. Links and list items are never headings, though they are often short and lack a full
   * stop.
   */
  static boolean looksLikeHeading(String line) {
    String text = plain(line);
    return !text.isEmpty()
        && text.length() <= MAX_HEADING_LENGTH
        && FINAL_PUNCTUATION.indexOf(text.charAt(text.length() - 1)) < 0
        && HAS_LETTER.matcher(text).find()
        && !NOT_A_HEADING.matcher(line).find();
  }

  /** The line without markdown decoration: heading marks, bullet, quote and wrapping emphasis. */
  static String plain(String line) {
    String text = withoutBlockPrefix(line);
    if (isMarkdownHeading(line)) {
      text = CLOSING_HASHES.matcher(text).replaceFirst("");
    }
    Matcher wrap = EMPHASIS_WRAP.matcher(text);
    while (wrap.matches() && !wrap.group(2).contains(wrap.group(1))) {
      text = wrap.group(2).strip();
      wrap = EMPHASIS_WRAP.matcher(text);
    }
    return text.strip();
  }

  private static String withoutBlockPrefix(String line) {
    return BLOCK_PREFIX.matcher(line).replaceFirst("");
  }

  /**
   * Drops the emphasis that closes {@code open} at the end of {@code text} when it was not closed
   * before the text: {@code **Stelling 1: text**} gives {@code text}, while in {@code **Stelling
   * 1:** a **b**} the trailing marks belong to the thesis and stay.
   */
  private static String unclosed(String open, String closedBefore, String text) {
    String stripped = text.strip();
    String closing = new StringBuilder(open).reverse().toString();
    if (!open.isEmpty() && closedBefore.isEmpty() && stripped.endsWith(closing)) {
      return stripped.substring(0, stripped.length() - closing.length()).strip();
    }
    return stripped;
  }
}
