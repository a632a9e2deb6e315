package io.pollcast.importer;

import io.pollcast.config.Language;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private static final String KEYWORD = "(?<keyword>stelling|thesis|statement|motion)";
  private static final String NUMBER =
      "(?<number>\\d+|een|\u00e9\u00e9n|twee|drie|vier|vijf|zes|zeven|acht|negen|tien"
          + "|one|two|three|four|five|six|seven|eight|nine|ten)";
  private static final String ATTRIBUTION = "(?: *\\([^()]{0,60}\\))?";
  private static final String TAIL =
      " *(?<close>[*_]{0,3}) *(?:" + SEPARATOR + "|$) *(?<close2>[*_]{0,3}) *(?<text>.*)";
  private static final Pattern THESIS =
      Pattern.compile(
          "(?<open>[*_]{0,3}) *" + KEYWORD + " *#? *" + NUMBER + "\\b" + ATTRIBUTION + TAIL, FLAGS);
  private static final Pattern NUMBER_FIRST =
      Pattern.compile(
          "(?<open>[*_]{0,3}) *(?<number>\\d+)[.)] *" + KEYWORD + ATTRIBUTION + TAIL, FLAGS);
  private static final Pattern UNNUMBERED_THESIS =
      Pattern.compile(
          "(?<open>[*_]{0,3}) *(?<keyword>stelling|thesis|statement|motion|be it resolved)"
              + ATTRIBUTION
              + " *(?<close>[*_]{0,3}) *[:\\-\\u2013\\u2014] *(?<close2>[*_]{0,3}) *(?<text>.*)",
          FLAGS);
  private static final Pattern SUSPECT_HEADING =
      Pattern.compile(
          "[*_]{0,3} *(?:\\d+[.)] *)?(?:stelling|thesis|statement|motion)\\b[^:]{0,40}:.*", FLAGS);
  private static final Pattern LEADING_SYMBOLS =
      Pattern.compile("^(?:[\\p{So}\\p{Sk}\\p{Sm}\\p{Mn}\\p{Cf}]+ *)+");
  private static final Map<String, Integer> NUMBER_WORDS = numberWords();
  private static final Pattern LABEL =
      Pattern.compile(
          "(?<open>[*_]{0,3}) *(?<label>opties|options|sluit|closes|stemming|voting)"
              + " *(?<close>[*_]{0,3}) *: *(?<close2>[*_]{0,3}) *(?<value>.*)",
          FLAGS);
  private static final Pattern EMPHASIS_WRAP = Pattern.compile("^([*_]{1,3})(.+?)\\1$");
  private static final Pattern HAS_LETTER = Pattern.compile("\\p{L}");
  private static final Pattern NOT_A_HEADING = Pattern.compile("://|^(?:[-+*•]|\\d{1,3}[.)]) ");
  private static final Pattern THEMATIC_BREAK = Pattern.compile("(?:[-*_=] ?){3,}");
  private static final Pattern LIST_ITEM = Pattern.compile("(?:[-+*\u2022]|\\d{1,3}[.)]) ");
  private static final Set<String> KNOWN_SECTIONS =
      Set.of(
          "conclusie",
          "conclusion",
          "tot slot",
          "afsluiting",
          "outro",
          "links",
          "shownotes",
          "show notes",
          "bronnen",
          "sources",
          "credits",
          "tot de volgende keer");
  private static final int MAX_HEADING_LENGTH = 60;
  private static final String FINAL_PUNCTUATION = ".!?…;,";

  /** The first line: the episode number and, when written on the same line, the title. */
  record EpisodeNumberLine(String digits, String title) {}

  /**
   * {@code Stelling 1: text}; the text may be empty, and then the thesis continues on the next
   * line. {@code number} is empty for an unnumbered heading such as {@code Motion: text}, which
   * only a one-thesis episode may use; {@code language} is the language of its keyword.
   */
  record ThesisHeading(Optional<Long> number, String text, Language language) {}

  /** A setting written as a labelled line, such as {@code Opties: Eens / Oneens}. */
  record Label(Kind kind, String value) {
    enum Kind {
      OPTIONS,
      CLOSES,
      /** {@code Stemming: voor en na}: a debate, with votes before and after listening. */
      VOTING
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

  /**
   * A thesis heading: {@code Stelling 1: text}, {@code Stelling twee: text}, {@code 2. Stelling:
   * text}, {@code Stelling 2 (Milan): text} (who said it is left out of the text), with an emoji or
   * markdown before it, or an unnumbered {@code Motion: text}.
   */
  static Optional<ThesisHeading> thesisHeading(String line) {
    String body = withoutSymbols(withoutBlockPrefix(line));
    for (Pattern pattern : List.of(THESIS, NUMBER_FIRST, UNNUMBERED_THESIS)) {
      Matcher m = pattern.matcher(body);
      if (m.matches()) {
        String text =
            unclosed(m.group("open"), m.group("close") + m.group("close2"), m.group("text"));
        Optional<Long> number =
            pattern == UNNUMBERED_THESIS
                ? Optional.empty()
                : Optional.of(number(m.group("number")));
        return Optional.of(new ThesisHeading(number, text, language(m.group("keyword"))));
      }
    }
    return Optional.empty();
  }

  /**
   * A line that starts like a thesis heading ({@code Stelling}, {@code Thesis}, ... and a colon
   * soon after) but is none of the forms {@link #thesisHeading} reads, such as {@code Stelling 2
   * van Milan: text}; the caller refuses it rather than take it as context.
   */
  static boolean looksLikeThesisHeading(String line) {
    return SUSPECT_HEADING.matcher(withoutSymbols(withoutBlockPrefix(line))).matches();
  }

  static Optional<Label> label(String line) {
    Matcher m = LABEL.matcher(withoutBlockPrefix(line));
    if (!m.matches()) {
      return Optional.empty();
    }
    String value =
        unclosed(m.group("open"), m.group("close") + m.group("close2"), m.group("value"));
    Label.Kind kind =
        switch (m.group("label").toLowerCase(Locale.ROOT)) {
          case "opties", "options" -> Label.Kind.OPTIONS;
          case "stemming", "voting" -> Label.Kind.VOTING;
          default -> Label.Kind.CLOSES;
        };
    return Optional.of(new Label(kind, value));
  }

  /**
   * A line that cannot continue a thesis written over several lines: a list item, a markdown
   * heading or a rule. It starts the context instead.
   */
  static boolean startsContext(String line) {
    return LIST_ITEM.matcher(line).lookingAt() || isMarkdownHeading(line) || isThematicBreak(line);
  }

  /**
   * A section that show notes often end with, such as "Conclusie" or "Links": ending a thesis's
   * context there is expected and needs no warning.
   */
  static boolean isKnownSection(String line) {
    return KNOWN_SECTIONS.contains(plain(line).toLowerCase(Locale.ROOT));
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

  private static String withoutSymbols(String line) {
    return LEADING_SYMBOLS.matcher(line).replaceFirst("");
  }

  private static Language language(String keyword) {
    return keyword.toLowerCase(Locale.ROOT).equals("stelling") ? Language.NL : Language.EN;
  }

  /** The value of digits or a number word; absurdly long numbers are capped to fail the range. */
  private static long number(String number) {
    Integer word = NUMBER_WORDS.get(number.toLowerCase(Locale.ROOT));
    if (word != null) {
      return word;
    }
    return digits(number);
  }

  /** The value of a run of digits, capped so that absurdly long numbers fail the range check. */
  static long digits(String digits) {
    return digits.length() > 9 ? Integer.MAX_VALUE : Long.parseLong(digits);
  }

  private static Map<String, Integer> numberWords() {
    Map<String, Integer> words = new HashMap<>();
    List<String> dutch =
        List.of("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien");
    List<String> english =
        List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    for (int i = 0; i < 10; i++) {
      words.put(dutch.get(i), i + 1);
      words.put(english.get(i), i + 1);
    }
    words.put("\u00e9\u00e9n", 1);
    return Map.copyOf(words);
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
