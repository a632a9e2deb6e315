package io.pollcast.poll;

/**
 * What a platform adapter does for the poll service: post polls, show them closed, announce
 * results. One implementation per platform; the service picks it by {@link Place#platform()}.
 *
 * <p>Threading: called from the thread that handles a host's command, or from the bot's own
 * scheduler; implementations may block until the platform accepted the message.
 */
public interface PollPublisher {

  /** Posts a poll in a place and returns the platform's id of the message. */
  String post(Place place, PollView poll);

  /** Shows a poll as closed, with its final counts (e.g. disables its buttons). */
  void showClosed(String messageId, PollView poll);

  /** Posts the results announcement of an episode in a place. */
  void announce(Place place, EpisodeResults results);

  /** Shows running counts on an open poll; called at most about once a second per poll. */
  default void showCounts(String messageId, PollView poll) {}
}
