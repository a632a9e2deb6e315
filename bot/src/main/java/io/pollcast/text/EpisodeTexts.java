package io.pollcast.text;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.EpisodeSummary;
import io.pollcast.domain.Thesis;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Episodes with their theses, as {@code pollcast episodes} lists them, and the tally of an episode
 * whose polls never started, which says so and lists the theses instead of counts. Thread-safe.
 */
public final class EpisodeTexts {
  private final Messages messages;

  public EpisodeTexts(Messages messages) {
    this.messages = messages;
  }

  /** Each episode's line followed by its theses; {@code theses} gives an episode's theses. */
  public String episodes(List<EpisodeSummary> episodes, IntFunction<List<Thesis>> theses) {
    if (episodes.isEmpty()) {
      return messages.get("episodes.none");
    }
    List<String> lines = new ArrayList<>();
    for (EpisodeSummary episode : episodes) {
      lines.add(
          messages.get(
              "episodes.line",
              String.valueOf(episode.number()),
              MentionSafety.neutralise(episode.title()),
              episode.theses(),
              episode.openPolls(),
              episode.closedPolls()));
      theses.apply(episode.number()).forEach(t -> lines.add(thesis(t)));
    }
    return String.join("\n", lines);
  }

  /** The tally of an episode whose polls never started: it says so and lists the theses. */
  public String notStarted(EpisodeResults results, List<Thesis> theses) {
    List<String> lines = new ArrayList<>();
    lines.add(
        messages.get(
            "tally.not-started",
            String.valueOf(results.episode()),
            MentionSafety.neutralise(results.title())));
    theses.forEach(t -> lines.add(thesis(t)));
    return String.join("\n", lines);
  }

  private String thesis(Thesis thesis) {
    return messages.get(
        "import.thesis", String.valueOf(thesis.number()), MentionSafety.neutralise(thesis.text()));
  }
}
