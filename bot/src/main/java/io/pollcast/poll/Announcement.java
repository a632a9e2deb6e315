package io.pollcast.poll;

import io.pollcast.domain.EpisodeResults;

/**
 * The results announcement of an episode for one place, as the outbox delivers it.
 *
 * @param id the outbox entry; the same on every attempt to post this announcement
 * @param results the results, read when the announcement is delivered
 * @param chart the results as a chart, to attach
 * @param updated whether results were announced in this place before: the polls were reopened and
 *     closed again, so these results replace the earlier ones
 * @param attempt which attempt this is, from 1
 */
public record Announcement(
    long id, EpisodeResults results, ChartImage chart, boolean updated, int attempt) {

  /**
   * A key that identifies this announcement on every attempt, for platforms that can refuse or find
   * a second post with the same key (at most 25 characters, as Discord's message nonce).
   */
  public String key() {
    return "pollcast-ann-" + id;
  }

  /**
   * Whether an earlier attempt may have been posted: it failed or the process stopped while the
   * platform was being asked. A publisher that can look for its earlier post by {@link #key()}
   * should do so before posting again.
   */
  public boolean possiblyDelivered() {
    return attempt > 1;
  }
}
