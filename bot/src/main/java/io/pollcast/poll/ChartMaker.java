package io.pollcast.poll;

import io.pollcast.domain.EpisodeResults;

/** Draws the results chart that announcements carry. Implementations are thread-safe. */
@FunctionalInterface
public interface ChartMaker {

  /** The chart of an episode's results; the results have at least one thesis. */
  ChartImage render(EpisodeResults results);
}
