package io.pollcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.EpisodeSummary;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Thesis;
import io.pollcast.domain.ThesisResult;
import io.pollcast.text.ResultsCsv;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Machine-readable forms of episodes and results: JSON and CSV. Counts only, never voters.
 * Thread-safe.
 */
final class ResultsFormats {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsFormats() {}

  /** The episodes with their counts and theses; {@code theses} gives an episode's theses. */
  static String json(List<EpisodeSummary> episodes, IntFunction<List<Thesis>> theses) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (EpisodeSummary episode : episodes) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("number", episode.number());
      item.put("title", episode.title());
      item.put("openPolls", episode.openPolls());
      item.put("closedPolls", episode.closedPolls());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Thesis thesis : theses.apply(episode.number())) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("number", thesis.number());
        row.put("text", thesis.text());
        row.put("context", thesis.context());
        rows.add(row);
      }
      item.put("theses", rows);
      list.add(item);
    }
    return write(list);
  }

  /**
   * The tally; an episode whose polls never started has {@code "started": false} and lists its
   * theses, each with {@code "started": false} and no counts.
   */
  static String json(EpisodeResults results, List<Thesis> stored) {
    boolean started = !results.theses().isEmpty();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("episode", results.episode());
    root.put("title", results.title());
    root.put("started", started);
    root.put("closed", started && results.closed());
    List<Map<String, Object>> theses = new ArrayList<>();
    if (!started) {
      for (Thesis thesis : stored) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("number", thesis.number());
        item.put("text", thesis.text());
        item.put("started", false);
        theses.add(item);
      }
    }
    for (ThesisResult thesis : results.theses()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("number", thesis.number());
      item.put("text", thesis.text());
      item.put("started", true);
      item.put("open", thesis.open());
      item.put("voters", thesis.voters());
      List<Map<String, Object>> options = new ArrayList<>();
      for (OptionResult option : thesis.options()) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("label", option.label());
        o.put("votes", option.votes());
        o.put("percent", option.percent());
        options.add(o);
      }
      item.put("options", options);
      item.put("platforms", platforms(thesis));
      theses.add(item);
    }
    root.put("theses", theses);
    return write(root);
  }

  private static Map<String, Map<String, Integer>> platforms(ThesisResult thesis) {
    Map<String, Map<String, Integer>> platforms = new TreeMap<>();
    for (Map.Entry<Platform, List<Integer>> entry : thesis.byPlatform().entrySet()) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (int i = 0; i < thesis.options().size(); i++) {
        counts.put(thesis.options().get(i).label(), entry.getValue().get(i));
      }
      platforms.put(entry.getKey().id(), counts);
    }
    return platforms;
  }

  /** One row per thesis, platform ("all" for the total) and option. */
  static String csv(EpisodeResults results) {
    return ResultsCsv.of(results);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
