package io.pollcast.slack;

/**
 * Text as Slack must receive it: mrkdwn with {@code &}, {@code <} and {@code >} escaped, so that
 * text from show notes can never mention {@code <!channel>}, {@code <!here>} or {@code <@U…>} or
 * form links, and shortened to a Block Kit limit at a word boundary with "…". Stateless.
 */
final class SlackText {
  /** Slack truncates a message's {@code text} beyond this. */
  static final int MAX_MESSAGE_TEXT = 40_000;

  private static final String ELLIPSIS = "…";

  private SlackText() {}

  /** {@code raw} escaped for mrkdwn (and for a message's fallback {@code text}). */
  static String escape(String raw) {
    StringBuilder escaped = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** {@code raw} escaped for mrkdwn and shortened so that the escaped text fits {@code max}. */
  static String mrkdwn(String raw, int max) {
    String escaped = escape(raw);
    if (escaped.length() <= max) {
      return escaped;
    }
    int fits = 0;
    int length = 0;
    while (fits < raw.length()) {
      int next = length + escape(String.valueOf(raw.charAt(fits))).length();
      if (next > max - ELLIPSIS.length()) {
        break;
      }
      length = next;
      fits++;
    }
    return escape(cut(raw, fits));
  }

  /**
   * The pollcast texts' light markdown ({@code **bold**}, {@code `code`}) as escaped Slack mrkdwn
   * ({@code *bold*}), within {@code max} characters.
   */
  static String fromMarkdown(String markdown, int max) {
    return mrkdwn(markdown, max).replace("**", "*");
  }

  /** Plain text (a button label, a modal title) shortened to {@code max} characters. */
  static String plain(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return cut(text, max - ELLIPSIS.length());
  }

  /**
   * The first {@code fits} characters of {@code text}, or fewer to end at a word boundary in the
   * second half, followed by "…".
   */
  private static String cut(String text, int fits) {
    int end = fits;
    if (end > 0 && end < text.length() && !Character.isWhitespace(text.charAt(end))) {
      int space = end - 1;
      while (space > 0 && !Character.isWhitespace(text.charAt(space))) {
        space--;
      }
      if (space > 0 && space >= fits / 2) {
        end = space;
      }
    }
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }
}
