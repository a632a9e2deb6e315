package io.pollcast.domain;

/**
 * The rules for what a member may write as a reason: at most {@value #MAX_LENGTH} characters on one
 * line. Line breaks and tabs become spaces, runs of spaces one; control characters and invisible
 * formatting characters (zero-width spaces, direction overrides, byte order marks) are removed,
 * except the zero-width joiner inside emoji. Mentions are made inert where a reason is shown, not
 * here. Stateless.
 */
public final class ReasonText {
  /** The longest reason, in characters. */
  public static final int MAX_LENGTH = 280;

  /** The most of an over-long reason quoted back, so that the refusal fits in one message. */
  private static final int MAX_ECHO = 1_000;

  private static final char ZERO_WIDTH_JOINER = '\u200D';

  private ReasonText() {}

  /**
   * The reason as it is stored and shown.
   *
   * @throws RefusedException if nothing is left, or more than {@value #MAX_LENGTH} characters; the
   *     refusal states the limit and quotes the text back, so nothing the member wrote is lost
   */
  public static String clean(String raw) {
    StringBuilder text = new StringBuilder(Math.min(raw.length(), 4 * MAX_LENGTH));
    boolean space = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = text.length() > 0;
      } else if (isInvisible(c)) {
        continue;
      } else {
        if (space) {
          text.append(' ');
          space = false;
        }
        text.append(c);
      }
    }
    String cleaned = text.toString();
    if (cleaned.isEmpty()) {
      throw new RefusedException("reason.empty");
    }
    if (cleaned.length() > MAX_LENGTH) {
      String echo = cleaned.length() > MAX_ECHO ? cleaned.substring(0, MAX_ECHO) + "…" : cleaned;
      throw new RefusedException(
          "reason.too-long", MAX_LENGTH, String.valueOf(cleaned.length()), echo);
    }
    return cleaned;
  }

  private static boolean isInvisible(char c) {
    int type = Character.getType(c);
    return (type == Character.CONTROL || type == Character.FORMAT) && c != ZERO_WIDTH_JOINER;
  }
}
