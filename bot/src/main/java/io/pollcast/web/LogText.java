package io.pollcast.web;

/**
 * Makes text that came from outside safe to log: control characters (line breaks above all) are
 * escaped, so nobody can forge a log line, and the text is cut to {@value #MAX} characters, so
 * nobody can fill the log.
 */
public final class LogText {
  /** The most characters of outside text a log line holds. */
  public static final int MAX = 80;

  private LogText() {}

  /** {@code text} escaped and cut short, in quotes; {@code "null"} for null. */
  public static String quote(String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder safe = new StringBuilder("\"");
    int end = Math.min(text.length(), MAX);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '"') {
        safe.append('\\').append(c);
      } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        safe.append(String.format("\\u%04x", (int) c));
      } else {
        safe.append(c);
      }
    }
    safe.append('"');
    if (text.length() > MAX) {
      safe.append("… (").append(text.length()).append(" chars)");
    }
    return safe.toString();
  }
}
