package io.pollcast.poll;

import io.pollcast.domain.DebateResult;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.HostStance;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Round;
import io.pollcast.domain.RoundTally;
import io.pollcast.domain.ThesisResult;
import io.pollcast.storage.Database;
import io.pollcast.storage.DebatePair;
import io.pollcast.storage.DebateRound;
import io.pollcast.storage.DebateStore;
import io.pollcast.storage.EpisodeRow;
import io.pollcast.storage.EpisodeStore;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.PollStore;
import io.pollcast.storage.ReasonRow;
import io.pollcast.storage.StanceRow;
import io.pollcast.storage.TallyRow;
import io.pollcast.storage.ThesisRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an episode's results from the counters (never from the votes) and puts them together per
 * thesis, with the split per platform; for a debate, both rounds and the shift among the members
 * who voted in both (the one read that joins votes, per episode). Thread-safe.
 */
public final class ResultsQuery {
  private final Database db;
  private final boolean stanceNames;

  /**
   * @param stanceNames whether the hosts' stances are shown with their names
   */
  public ResultsQuery(Database db, boolean stanceNames) {
    this.db = db;
    this.stanceNames = stanceNames;
  }

  EpisodeResults of(EpisodeRow episode) {
    Map<Integer, List<HostStance>> hosts = new TreeMap<>();
    for (StanceRow row : db.stances().ofEpisode(episode.number())) {
      hosts
          .computeIfAbsent(row.thesisNumber(), n -> new ArrayList<>())
          .add(
              new HostStance(
                  stanceNames && !row.displayName().isEmpty()
                      ? Optional.of(row.displayName())
                      : Optional.empty(),
                  row.optionLabel()));
    }
    Map<Integer, List<String>> featured = new TreeMap<>();
    for (ReasonRow row : db.reasons().featured(episode.number())) {
      featured.computeIfAbsent(row.thesisNumber(), n -> new ArrayList<>()).add(row.text());
    }
    EpisodeResults results =
        db.jdbi()
            .inTransaction(
                handle ->
                    of(
                        episode,
                        handle.attach(EpisodeStore.class),
                        handle.attach(PollStore.class),
                        handle.attach(DebateStore.class),
                        hosts));
    return featured.isEmpty() ? results : withFeatured(results, featured);
  }

  private static EpisodeResults withFeatured(
      EpisodeResults results, Map<Integer, List<String>> featured) {
    List<ThesisResult> theses = new ArrayList<>();
    for (ThesisResult t : results.theses()) {
      theses.add(
          new ThesisResult(
              t.number(),
              t.text(),
              t.open(),
              t.options(),
              t.byPlatform(),
              t.debate(),
              t.stances(),
              featured.getOrDefault(t.number(), List.of())));
    }
    return new EpisodeResults(results.episode(), results.title(), theses);
  }

  private static EpisodeResults of(
      EpisodeRow episode,
      EpisodeStore episodes,
      PollStore polls,
      DebateStore debates,
      Map<Integer, List<HostStance>> hosts) {
    Map<Integer, String> texts = new TreeMap<>();
    for (ThesisRow thesis : episodes.theses(episode.number())) {
      texts.put(thesis.number(), thesis.text());
    }
    Map<Integer, Boolean> open = new TreeMap<>();
    Map<Integer, Optional<DebateRound>> rounds = new TreeMap<>();
    for (PollRow poll : polls.ofEpisode(episode.number())) {
      open.merge(poll.thesisNumber(), poll.isOpen(), Boolean::logicalOr);
      rounds.merge(poll.thesisNumber(), poll.round(), ResultsQuery::later);
    }
    Map<Integer, List<TallyRow>> rows = byThesis(polls.tally(episode.number()));
    boolean anyDebate = rounds.values().stream().anyMatch(Optional::isPresent);
    Map<Integer, List<TallyRow>> before =
        anyDebate ? byThesis(debates.beforeTally(episode.number())) : Map.of();
    Map<Integer, List<DebatePair>> pairs = new TreeMap<>();
    if (anyDebate) {
      for (DebatePair pair : debates.pairs(episode.number())) {
        pairs.computeIfAbsent(pair.thesisNumber(), n -> new ArrayList<>()).add(pair);
      }
    }
    List<ThesisResult> theses = new ArrayList<>();
    open.forEach(
        (number, isOpen) -> {
          List<TallyRow> current = rows.getOrDefault(number, List.of());
          Counts counts = Counts.of(current);
          Optional<DebateResult> debate =
              rounds
                  .get(number)
                  .map(
                      round ->
                          debate(
                              round,
                              counts,
                              before.getOrDefault(number, List.of()),
                              pairs.getOrDefault(number, List.of())));
          theses.add(
              new ThesisResult(
                  number,
                  texts.getOrDefault(number, ""),
                  isOpen,
                  counts.options(),
                  byPlatform(current, counts.labels()),
                  debate,
                  hosts.getOrDefault(number, List.of())));
        });
    return new EpisodeResults(episode.number(), episode.title(), theses);
  }

  private static DebateResult debate(
      DebateRound round, Counts current, List<TallyRow> beforeRows, List<DebatePair> pairs) {
    List<String> labels = current.labels();
    if (round == DebateRound.BEFORE) {
      RoundTally none = Counts.of(labels, Collections.nCopies(labels.size(), 0)).tally();
      return new DebateResult(
          Round.BEFORE,
          current.tally(),
          none,
          Shifts.of(labels, new int[labels.size()][labels.size()]));
    }
    Counts before = Counts.of(beforeRows);
    int[][] matrix = new int[labels.size()][labels.size()];
    for (DebatePair pair : pairs) {
      if (pair.beforeIndex() < labels.size() && pair.afterIndex() < labels.size()) {
        matrix[pair.beforeIndex()][pair.afterIndex()] += pair.voters();
      }
    }
    RoundTally beforeTally =
        before.labels().equals(labels)
            ? before.tally()
            : Counts.of(labels, Collections.nCopies(labels.size(), 0)).tally();
    return new DebateResult(Round.AFTER, beforeTally, current.tally(), Shifts.of(labels, matrix));
  }

  /** A thesis in several places is in the after round once any of its polls is. */
  private static Optional<DebateRound> later(Optional<DebateRound> a, Optional<DebateRound> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return a.get().compareTo(b.get()) >= 0 ? a : b;
  }

  private static Map<Integer, List<TallyRow>> byThesis(List<TallyRow> tally) {
    Map<Integer, List<TallyRow>> rows = new TreeMap<>();
    for (TallyRow row : tally) {
      rows.computeIfAbsent(row.thesisNumber(), n -> new ArrayList<>()).add(row);
    }
    return rows;
  }

  private static Map<Platform, List<Integer>> byPlatform(List<TallyRow> rows, List<String> labels) {
    Map<Platform, List<Integer>> byPlatform = new EnumMap<>(Platform.class);
    for (TallyRow row : rows) {
      List<Integer> split =
          byPlatform.computeIfAbsent(
              Platform.ofId(row.platform()),
              p -> new ArrayList<>(Collections.nCopies(labels.size(), 0)));
      int index = labels.indexOf(row.label());
      split.set(index, split.get(index) + row.votes());
    }
    return byPlatform;
  }

  /** The votes per option of a thesis, summed over its places, in option order. */
  private record Counts(List<String> labels, List<Integer> votes) {
    static Counts of(List<TallyRow> rows) {
      Map<String, Integer> totals = new LinkedHashMap<>();
      rows.stream()
          .sorted(Comparator.comparingInt(TallyRow::index))
          .forEach(row -> totals.merge(row.label(), row.votes(), Integer::sum));
      List<String> labels = List.copyOf(totals.keySet());
      return new Counts(labels, labels.stream().map(totals::get).toList());
    }

    static Counts of(List<String> labels, List<Integer> votes) {
      return new Counts(List.copyOf(labels), List.copyOf(votes));
    }

    List<OptionResult> options() {
      List<Integer> percents = Percentages.of(votes);
      List<OptionResult> options = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        options.add(new OptionResult(labels.get(i), votes.get(i), percents.get(i)));
      }
      return options;
    }

    RoundTally tally() {
      return new RoundTally(options());
    }
  }
}
