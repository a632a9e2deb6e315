package io.pollcast.slack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one format of the "Why?" button under a vote's private answer, written and parsed only here:
 * {@code action_id} {@value #ACTION_ID}, {@code value} {@code poll:<pollId>}.
 *
 * @param pollId the poll the member voted on
 */
record WhyButton(long pollId) {
  static final String ACTION_ID = "why";
  private static final Pattern VALUE = Pattern.compile("poll:(\\d{1,18})");

  /** The {@code value} of the button. */
  String value() {
    return "poll:" + pollId;
  }

  /** The button a click came from; empty for anything this bot never made. */
  static Optional<WhyButton> parse(String actionId, String value) {
    if (!ACTION_ID.equals(actionId) || value == null) {
      return Optional.empty();
    }
    Matcher poll = VALUE.matcher(value);
    return poll.matches()
        ? Optional.of(new WhyButton(Long.parseLong(poll.group(1))))
        : Optional.empty();
  }
}
