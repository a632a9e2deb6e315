package io.pollcast.discord;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom id of a poll's withdraw button, {@code unvote:<pollId>}: the one place that writes and
 * reads it. Anything else, even with the right prefix, does not parse.
 *
 * @param pollId the poll, from 1
 */
public record WithdrawButtonId(long pollId) {
  /** What every withdraw button's custom id starts with, before the colon. */
  public static final String PREFIX = "unvote";

  private static final Pattern FORMAT = Pattern.compile(PREFIX + ":([1-9][0-9]{0,18})");

  public WithdrawButtonId {
    if (pollId < 1) {
      throw new IllegalArgumentException("poll id must be positive: " + pollId);
    }
  }

  /** The custom id to put on the button. */
  public String customId() {
    return PREFIX + ":" + pollId;
  }

  /** The button id in a custom id, if it is one. */
  public static Optional<WithdrawButtonId> parse(String customId) {
    Matcher matcher = FORMAT.matcher(customId);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new WithdrawButtonId(Long.parseLong(matcher.group(1))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // a poll id beyond Long.MAX_VALUE
    }
  }
}
