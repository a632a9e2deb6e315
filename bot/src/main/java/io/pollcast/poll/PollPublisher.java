package io.pollcast.poll;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;

/**
 * What a platform adapter does for the poll service: post polls, show them closed, announce
 * results. One implementation per platform; the service picks it by {@link Place#platform()}.
 *
 * <p>Threading: called from the thread that handles a host's command, or from the bot's own
 * scheduler; implementations may block until the platform accepted the message.
 */
public interface PollPublisher {

  /**
   * Whether this process can post on the platform now. A process that stands by for another's
   * Discord gateway cannot: work for that platform (announcements, reminders) is left to the
   * process that can.
   */
  default boolean available() {
    return true;
  }

  /** Posts a poll in a place and returns the platform's id of the message. */
  String post(Place place, PollView poll);

  /** Shows a poll as closed, with its final counts (e.g. disables its buttons). */
  void showClosed(String messageId, PollView poll);

  /** Posts the results announcement of an episode in a place. */
  void announce(Place place, EpisodeResults results);

  /**
   * Posts a results announcement with its chart. The poll service calls this one, from its outbox:
   * return only once the platform accepted the post, and throw if it did not; the announcement is
   * then tried again later. After a crash while the platform was being asked, the same announcement
   * is delivered again with {@link Announcement#possiblyDelivered()}: where the platform allows,
   * use {@link Announcement#key()} to avoid posting it twice. The default posts the text alone,
   * through {@link #announce(Place, EpisodeResults)}.
   */
  default void announce(Place place, Announcement announcement) {
    announce(place, announcement.results());
  }

  /** Reminds a place that its polls close soon; posted at most once per place and closing. */
  default void remind(Place place, Reminder reminder) {}

  /**
   * Posts a short notice of the bot's own in a place, such as "Aflevering 69 is binnen"; it must
   * never ping anyone. Throw if the platform refused it.
   */
  default void tell(Place place, String text) {
    throw new UnsupportedOperationException("This platform cannot post notices");
  }

  /** Shows a poll that a host reopened as open again (e.g. enables its buttons). */
  default void showReopened(String messageId, PollView poll) {}

  /**
   * Shows a posted poll again after its thesis or context was corrected by a re-import, open or
   * closed as it is; its options never change. Throw if the platform refused the edit.
   */
  default void showEdited(String messageId, PollView poll) {}

  /** Shows running counts on an open poll; called at most about once a second per poll. */
  default void showCounts(String messageId, PollView poll) {}
}
