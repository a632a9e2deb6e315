package io.pollcast.discord;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The custom id of a vote button, {@code poll:<pollId>:<optionIndex>}: the one place that writes
 * and reads it. Discord allows 100 characters; this format needs at most 27. Anything else, even
 * with the right prefix, does not parse.
 *
 * @param pollId the poll, from 1
 * @param option the option's index, from 0, below {@link #MAX_OPTIONS}
 */
public record PollButtonId(long pollId, int option) {
  /** What every vote button's custom id starts with, before the first colon. */
  public static final String PREFIX = "poll";

  /** Buttons one message can hold (five rows of five). */
  public static final int MAX_OPTIONS = 25;

  private static final Pattern FORMAT =
      Pattern.compile(PREFIX + ":([1-9][0-9]{0,18}):(0|[1-9][0-9]?)");

  public PollButtonId {
    if (pollId < 1) {
      throw new IllegalArgumentException("poll id must be positive: " + pollId);
    }
    if (option < 0 || option >= MAX_OPTIONS) {
      throw new IllegalArgumentException("option index out of range: " + option);
    }
  }

  /** The custom id to put on the button. */
  public String customId() {
    return PREFIX + ":" + pollId + ":" + option;
  }

  /** The button id in a custom id, if it is one. */
  public static Optional<PollButtonId> parse(String customId) {
    Matcher matcher = FORMAT.matcher(customId);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      long pollId = Long.parseLong(matcher.group(1));
      int option = Integer.parseInt(matcher.group(2));
      return option < MAX_OPTIONS
          ? Optional.of(new PollButtonId(pollId, option))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // a poll id beyond Long.MAX_VALUE
    }
  }
}
