package io.pollcast.discord;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom id of the "Why?" button on a vote's private answer, and of the form it opens: {@code
 * why:<pollId>}. The one place that writes and reads it; anything else does not parse.
 *
 * @param pollId the poll, from 1
 */
public record WhyButtonId(long pollId) {
  /** What the button's and the form's custom id start with, before the colon. */
  public static final String PREFIX = "why";

  private static final Pattern FORMAT = Pattern.compile(PREFIX + ":([1-9][0-9]{0,18})");

  public WhyButtonId {
    if (pollId < 1) {
      throw new IllegalArgumentException("poll id must be positive: " + pollId);
    }
  }

  /** The custom id to put on the button and the form. */
  public String customId() {
    return PREFIX + ":" + pollId;
  }

  /** The id in a custom id, if it is one. */
  public static Optional<WhyButtonId> parse(String customId) {
    Matcher matcher = FORMAT.matcher(customId);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new WhyButtonId(Long.parseLong(matcher.group(1))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // a poll id beyond Long.MAX_VALUE
    }
  }
}
