package io.pollcast.poll;

import io.pollcast.config.LiveResults;
import io.pollcast.config.PollsConfig;
import io.pollcast.domain.PollInfo;
import io.pollcast.storage.Database;
import io.pollcast.storage.OptionCount;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.ThesisRow;
import java.util.List;
import java.util.Optional;

/**
 * Puts together a poll as platforms show it, from the database: live counts are read again at every
 * refresh. Thread-safe.
 */
public final class PollViews {
  private final Database db;
  private final PollCatalog catalog;
  private final LiveResults liveResults;

  public PollViews(Database db, PollCatalog catalog, PollsConfig config) {
    this.db = db;
    this.catalog = catalog;
    this.liveResults = config.liveResults();
  }

  /** The poll as it stands now; counts are shown once it is closed, or always with live results. */
  PollView of(long pollId) {
    PollInfo info = catalog.get(pollId).orElseThrow();
    PollRow row = db.polls().find(info.pollId()).orElseThrow();
    ThesisRow thesis =
        db.episodes().theses(row.episodeNumber()).stream()
            .filter(t -> t.number() == row.thesisNumber())
            .findFirst()
            .orElseThrow();
    boolean showCounts = liveResults == LiveResults.COUNTS || !row.isOpen();
    boolean showTurnout = liveResults == LiveResults.TURNOUT && row.isOpen();
    Optional<List<Integer>> read =
        showCounts || showTurnout
            ? Optional.of(
                db.polls().options(info.pollId()).stream().map(OptionCount::votes).toList())
            : Optional.empty();
    Optional<List<Integer>> counts = showCounts ? read : Optional.empty();
    Optional<Integer> turnout =
        showTurnout
            ? read.map(c -> c.stream().mapToInt(Integer::intValue).sum())
            : Optional.empty();
    return new PollView(
        info, thesis.text(), thesis.context(), row.closesAt(), row.isOpen(), counts, turnout);
  }
}
