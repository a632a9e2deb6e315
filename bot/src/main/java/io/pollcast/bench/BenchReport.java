package io.pollcast.bench;

import java.util.Locale;

/**
 * Writes {@link BenchFigures} as Markdown: printed by {@code pollcast bench} and kept in {@code
 * BENCHMARKS.md}, the same text in both places.
 */
public final class BenchReport {
  private static final double RATIO_GOAL = 0.7;
  private static final double ACK_P99_GOAL_MS = 20;
  private static final double TALLY_P99_GOAL_MS = 0.1;
  private static final long HEAP_GOAL_BYTES = 256L << 20;

  private BenchReport() {}

  /** The report. */
  public static String markdown(BenchFigures f) {
    Machine m = f.machine();
    StringBuilder out = new StringBuilder();
    line(out, "# Benchmarks");
    line(out, "");
    line(out, "Written by `pollcast bench`. Run it again from the repository's root with:");
    line(out, "");
    line(out, "```sh");
    line(out, m.command());
    line(out, "```");
    line(out, "");
    line(out, "| Machine | |");
    line(out, "| --- | --- |");
    line(out, "| Date | %s |", m.date());
    line(out, "| Cores | %d |", m.cores());
    line(out, "| JVM | %s, heap limit %s |", m.jvm(), megabytes(m.maxHeapBytes()));
    line(out, "| OS | %s |", m.os());
    line(
        out,
        "| Load average (1 min) | %.1f at the start, %.1f at the end (other processes included) |",
        m.loadBefore(),
        m.loadAfter());
    line(out, "");
    line(out, "## Figures");
    line(out, "");
    line(out, "| What | Result |");
    line(out, "| --- | --- |");
    line(
        out,
        "| 1. Raw limit: JDBC batches of %,d (MERGE votes + counters, one transaction each), one"
            + " thread | **%,.0f votes/s** |",
        f.batch(),
        f.rawPerSecond());
    line(
        out,
        "| 2. Vote path: `PollService.vote` to acknowledgement, %,d votes in flight, until H2 has"
            + " stored every vote | **%,.0f votes/s** (acknowledged at %,.0f votes/s; %.0f votes"
            + " per commit on average; %,.0f votes/s acknowledged over the last tenth of the"
            + " votes) |",
        f.inFlight(),
        f.pathPerSecond(),
        f.acknowledgedPerSecond(),
        f.meanBatch(),
        f.pathLastTenthPerSecond());
    line(out, "| Ratio 2 / 1 | **%.2f** |", f.ratio());
    for (LoadLatency load : f.loads()) {
      line(
          out,
          "| Acknowledgement latency at %,.0f votes/s (%s the peak, open loop, %,d votes) |"
              + " p50 %s, p99 %s, p99.9 %s, max %s; H2 was storing votes %.0f%% of the time |",
          load.perSecond(),
          share(load.share()),
          load.ack().samples(),
          millis(load.ack().p50()),
          load.share() == 2 ? "**" + millis(load.ack().p99()) + "**" : millis(load.ack().p99()),
          millis(load.ack().p999()),
          millis(load.ack().max()),
          load.writerBusy() * 100);
    }
    line(
        out,
        "| Tally: a poll's options and counters, read from the database (`QuickReads`), with %,d"
            + " votes stored | p50 %s, p99 **%s** |",
        f.storedVotes(),
        millis(f.pollOptions().p50()),
        millis(f.pollOptions().p99()));
    line(
        out,
        "| Tally: an episode's counters per thesis, platform and option | p50 %s, p99 **%s** |",
        millis(f.episodeCounters().p50()),
        millis(f.episodeCounters().p99()));
    line(
        out,
        "| A moderator's whole tally of the episode (`PollService.results`: episode, theses, polls"
            + " and counters) | p50 %s, p99 %s |",
        millis(f.moderatorTally().p50()),
        millis(f.moderatorTally().p99()));
    line(
        out,
        "| Peak heap in use | **%s**; at most %s in use right after a collection (%s) |",
        megabytes(f.peakHeapBytes()),
        megabytes(f.liveHeapBytes()),
        f.collections());
    line(
        out,
        "| Database file after %,d votes | vote path **%s**, raw limit %s; %s after all %,d; at"
            + " most %s while voting, **%s** once voting stopped |",
        f.votes(),
        megabytes(f.pathFileBytes()),
        megabytes(f.rawFileBytes()),
        megabytes(f.pathFileEndBytes()),
        f.storedVotes(),
        megabytes(f.pathFileLargestBytes()),
        megabytes(f.pathFileRestBytes()));
    SustainedVoting sustained = f.sustained();
    line(
        out,
        "| Database file under sustained voting: %,d of those listeners change their votes %d"
            + " times over (%,d votes, %,.0f votes/s), so the stored votes stay as many | after"
            + " each round: %s; at most **%s**; %s once voting stopped |",
        sustained.electorate(),
        sustained.rounds(),
        (long) sustained.electorate() * sustained.rounds(),
        sustained.perSecond(),
        String.join(", ", sustained.fileAfterRound().stream().map(BenchReport::megabytes).toList()),
        megabytes(sustained.largestFile()),
        megabytes(sustained.fileAtRest()));
    line(
        out,
        "| Acknowledged votes lost | %s (%,d acknowledged, %,d counted, %,d of %,d changes"
            + " acknowledged, %,d failed; counters %s a recount) |",
        f.noneLost() ? "**none**" : "**some**",
        f.acknowledged(),
        f.counted(),
        sustained.changed(),
        (long) sustained.electorate() * sustained.rounds(),
        f.failed(),
        f.countersExact() ? "equal" : "differ from");
    line(out, "");
    line(out, "## Goals");
    line(out, "");
    line(out, "| Goal | Met |");
    line(out, "| --- | --- |");
    goal(
        out,
        "Vote path at least %.1f of the raw limit".formatted(RATIO_GOAL),
        f.ratio() >= RATIO_GOAL);
    goal(
        out,
        "p99 acknowledgement latency at half the peak under %.0f ms".formatted(ACK_P99_GOAL_MS),
        f.halfPeak().ack().p99() < ACK_P99_GOAL_MS);
    goal(
        out,
        "Tally p99 under %.1f ms".formatted(TALLY_P99_GOAL_MS),
        Math.max(f.pollOptions().p99(), f.episodeCounters().p99()) < TALLY_P99_GOAL_MS);
    goal(out, "Peak heap under 256 MB", f.peakHeapBytes() < HEAP_GOAL_BYTES);
    goal(out, "No acknowledged vote lost", f.noneLost());
    line(out, "");
    line(
        out,
        "Votes lost to `kill -9` are checked by `CrashDrillTest`, which kills a voting bot with"
            + " SIGKILL and checks every acknowledged vote after a restart.");
    return out.toString();
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, "%.3f ms", ms);
  }

  private static String share(int share) {
    return switch (share) {
      case 2 -> "half";
      case 4 -> "a quarter of";
      case 8 -> "an eighth of";
      default -> "1/" + share + " of";
    };
  }

  private static void goal(StringBuilder out, String goal, boolean met) {
    line(out, "| %s | %s |", goal, met ? "yes" : "**no**");
  }

  private static void line(StringBuilder out, String format, Object... arguments) {
    out.append(String.format(Locale.ROOT, format, arguments)).append('\n');
  }
}
