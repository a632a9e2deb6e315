package io.pollcast.poll;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Platform;
import io.pollcast.domain.ThesisResult;
import io.pollcast.storage.Database;
import io.pollcast.storage.EpisodeRow;
import io.pollcast.storage.EpisodeStore;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.PollStore;
import io.pollcast.storage.TallyRow;
import io.pollcast.storage.ThesisRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an episode's results from the counters (never from the votes) and puts them together per
 * thesis, with the split per platform. Thread-safe.
 */
public final class ResultsQuery {
  private final Database db;

  public ResultsQuery(Database db) {
    this.db = db;
  }

  EpisodeResults of(EpisodeRow episode) {
    return db.jdbi()
        .withHandle(
            handle ->
                of(episode, handle.attach(EpisodeStore.class), handle.attach(PollStore.class)));
  }

  private static EpisodeResults of(EpisodeRow episode, EpisodeStore episodes, PollStore polls) {
    List<TallyRow> tally = polls.tally(episode.number());
    Map<Integer, String> texts = new TreeMap<>();
    for (ThesisRow thesis : episodes.theses(episode.number())) {
      texts.put(thesis.number(), thesis.text());
    }
    Map<Integer, Boolean> open = new TreeMap<>();
    for (PollRow poll : polls.ofEpisode(episode.number())) {
      open.merge(poll.thesisNumber(), poll.isOpen(), Boolean::logicalOr);
    }
    Map<Integer, List<TallyRow>> rows = new TreeMap<>();
    for (TallyRow row : tally) {
      rows.computeIfAbsent(row.thesisNumber(), n -> new ArrayList<>()).add(row);
    }
    List<ThesisResult> theses = new ArrayList<>();
    open.forEach(
        (number, isOpen) ->
            theses.add(
                thesis(
                    number,
                    texts.getOrDefault(number, ""),
                    isOpen,
                    rows.getOrDefault(number, List.of()))));
    return new EpisodeResults(episode.number(), episode.title(), theses);
  }

  private static ThesisResult thesis(int number, String text, boolean open, List<TallyRow> rows) {
    Map<String, Integer> totals = new LinkedHashMap<>();
    rows.stream()
        .sorted(java.util.Comparator.comparingInt(TallyRow::index))
        .forEach(row -> totals.merge(row.label(), row.votes(), Integer::sum));
    List<String> labels = List.copyOf(totals.keySet());
    List<Integer> counts = labels.stream().map(totals::get).toList();
    List<Integer> percents = Percentages.of(counts);
    List<OptionResult> options = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      options.add(new OptionResult(labels.get(i), counts.get(i), percents.get(i)));
    }
    Map<Platform, List<Integer>> byPlatform = new EnumMap<>(Platform.class);
    for (TallyRow row : rows) {
      List<Integer> split =
          byPlatform.computeIfAbsent(
              Platform.ofId(row.platform()),
              p -> new ArrayList<>(java.util.Collections.nCopies(labels.size(), 0)));
      int index = labels.indexOf(row.label());
      split.set(index, split.get(index) + row.votes());
    }
    return new ThesisResult(number, text, open, options, byPlatform);
  }
}
