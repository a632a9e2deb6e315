package io.pollcast.domain;

import java.util.List;

/**
 * The tally of an episode: what moderators view and what the announcement shows.
 *
 * @param episode the episode number
 * @param title the episode title
 * @param theses the theses that were posted, by number
 */
public record EpisodeResults(int episode, String title, List<ThesisResult> theses) {
  public EpisodeResults {
    theses = List.copyOf(theses);
  }

  /** Whether every posted thesis is closed. */
  public boolean closed() {
    return theses.stream().noneMatch(ThesisResult::open);
  }
}
