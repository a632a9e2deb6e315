package io.pollcast.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text that others wrote (theses, titles, options, what a user typed) safe to post: it can no
 * longer ping anyone. A zero-width space goes after the {@code @} of mass mentions ({@code
 * @everyone}, {@code @here}, {@code @channel}, {@code @all}) and after the {@code <} of Discord and
 * Slack mention syntax ({@code <@123>}, {@code <@&role>}, {@code <#channel>}, {@code <!channel>},
 * {@code <!subteam^id>}), so the text reads the same but is no longer a mention. The platform
 * adapters also disable mentions in the API; this is the second lock. Stateless and thread-safe.
 */
public final class MentionSafety {
  /** U+200B, invisible in every client. */
  public static final String ZERO_WIDTH_SPACE = "\u200B";

  private static final Pattern MASS_MENTION =
      Pattern.compile(
          "@(?=(?:everyone|here|channel|all|group)(?![\\p{L}\\p{N}_]))",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern ANGLE_MENTION = Pattern.compile("<(?=[@!#])");

  private MentionSafety() {}

  /** The text with every mention made inert; text without mentions is returned unchanged. */
  public static String neutralise(String text) {
    String safe = ANGLE_MENTION.matcher(text).replaceAll("<" + ZERO_WIDTH_SPACE);
    safe = MASS_MENTION.matcher(safe).replaceAll(Matcher.quoteReplacement("@" + ZERO_WIDTH_SPACE));
    return safe;
  }

  /** Whether the text, as it stands, would mention anyone on Discord or Slack. */
  public static boolean mentions(String text) {
    return ANGLE_MENTION.matcher(text).find() || MASS_MENTION.matcher(text).find();
  }
}
