package io.pollcast.bench;

import io.pollcast.poll.EpisodeResults;
import io.pollcast.poll.Place;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollView;

/** A platform that accepts every message and shows nothing, so that only the vote path is timed. */
public final class SilentPublisher implements PollPublisher {
  @Override
  public String post(Place place, PollView poll) {
    return "bench-" + poll.info().pollId();
  }

  @Override
  public void showClosed(String messageId, PollView poll) {}

  @Override
  public void announce(Place place, EpisodeResults results) {}
}
