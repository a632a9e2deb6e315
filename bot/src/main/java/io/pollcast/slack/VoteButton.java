package io.pollcast.slack;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one format of a vote button, written and parsed only here: {@code action_id} {@code
 * vote:<option>}, {@code value} {@code poll:<pollId>:<option>} (options counted from 0), in the
 * actions block {@code poll:<pollId>}. All well within Slack's 255 and 2000 characters.
 *
 * @param pollId the poll voted on
 * @param option the option's index
 */
record VoteButton(long pollId, int option) {
  private static final Pattern ACTION_ID = Pattern.compile("vote:(\\d{1,2})");
  private static final Pattern VALUE = Pattern.compile("poll:(\\d{1,18}):(\\d{1,2})");

  /** The {@code action_id} of the button. */
  String actionId() {
    return "vote:" + option;
  }

  /** The {@code value} of the button. */
  String value() {
    return "poll:" + pollId + ":" + option;
  }

  /** The {@code block_id} of the actions block that holds a poll's buttons. */
  static String blockId(long pollId) {
    return "poll:" + pollId;
  }

  /**
   * The button a click came from; empty for anything this bot never made (a forged or garbled id or
   * value, or an action id and value that disagree on the option).
   */
  static Optional<VoteButton> parse(String actionId, String value) {
    if (actionId == null || value == null) {
      return Optional.empty();
    }
    Matcher action = ACTION_ID.matcher(actionId);
    Matcher poll = VALUE.matcher(value);
    if (!action.matches() || !poll.matches() || !action.group(1).equals(poll.group(2))) {
      return Optional.empty();
    }
    return Optional.of(
        new VoteButton(Long.parseLong(poll.group(1)), Integer.parseInt(poll.group(2))));
  }
}
