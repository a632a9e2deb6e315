package io.pollcast.poll;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A publisher for tests that records what the service asked it to show. */
public final class RecordingPublisher implements PollPublisher {
  /** Polls posted, in order. */
  public final List<PollView> posted = new CopyOnWriteArrayList<>();

  /** Polls shown closed. */
  public final List<PollView> closed = new CopyOnWriteArrayList<>();

  /** Announcements made. */
  public final List<EpisodeResults> announced = new CopyOnWriteArrayList<>();

  /** Live count refreshes. */
  public final List<PollView> counts = new CopyOnWriteArrayList<>();

  @Override
  public String post(Place place, PollView poll) {
    posted.add(poll);
    return "message-" + poll.info().pollId();
  }

  @Override
  public void showClosed(String messageId, PollView poll) {
    closed.add(poll);
  }

  @Override
  public void announce(Place place, EpisodeResults results) {
    announced.add(results);
  }

  @Override
  public void showCounts(String messageId, PollView poll) {
    counts.add(poll);
  }
}
