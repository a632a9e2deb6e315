package io.pollcast.bench;

import io.pollcast.bench.EngineFigures.Rate;
import java.util.List;
import java.util.Locale;

/** The markdown report of a run: the machine, the command, a table per engine with its goals. */
final class Report {
  static final double RATIO_GOAL = 0.7;
  static final double STEADY_P99_GOAL_MILLIS = 50;
  static final double TALLY_P99_GOAL_MILLIS = 1;

  /** The lines around the report in BENCHMARKS.md, which holds other benchmarks' figures too. */
  static final String START = "<!-- vote path figures -->";

  static final String END = "<!-- end of vote path figures -->";

  private final StringBuilder out = new StringBuilder();

  private Report() {}

  /** Renders the report of {@code engines}, measured on {@code machine} by {@code command}. */
  static String render(Machine machine, String command, List<EngineFigures> engines) {
    Report report = new Report();
    report.header(machine, command);
    for (EngineFigures engine : engines) {
      report.engine(engine);
    }
    report.method();
    report.line(END);
    return report.out.toString();
  }

  private void header(Machine machine, String command) {
    line(START);
    line("# Benchmarks");
    line("");
    line("Written by `scripts/bench`. Run it again from the repository's root with:");
    line("");
    line("```sh\n%s\n```", command);
    line("");
    line("| Machine | |\n| --- | --- |");
    line("| Date | %s |", machine.date());
    line("| Cores | %d |", machine.cores());
    line("| Memory | %.1f GiB |", machine.memoryBytes() / (double) (1L << 30));
    line("| Java | %s, heap limit %s |", machine.java(), megabytes(machine.heapLimitBytes()));
    line("| OS | %s |", machine.os());
    line("| Load average (1 min) at the start | %.1f (other processes included) |", machine.load());
  }

  private void engine(EngineFigures e) {
    EngineFigures.Path path = e.path();
    Trickle.Result trickle = e.trickle().run();
    line("");
    line("## %s", e.engine());
    line("");
    line("| Measurement | Result | Goal | Met |\n| --- | --- | --- | --- |");
    line(
        "| 1. Raw limit: plain JDBC, batches of %,d new votes, each one transaction (vote rows and"
            + " counters) | %,.0f votes/s | | |",
        RawLimit.BATCH, e.rawPerSecond());
    line(
        "| 2. Vote path: `Database.votes().submit`, %,d new voters' votes, %,d in flight from %d"
            + " threads | %,.0f votes/s, %.0f votes per commit: **%.2f** of 1 | at least %.1f of 1"
            + " | %s |",
        path.votes(),
        EngineBench.IN_FLIGHT,
        EngineBench.SUBMITTERS,
        path.perSecond(),
        path.votesPerCommit(),
        e.ratio(),
        RATIO_GOAL,
        met(e.ratio() >= RATIO_GOAL));
    rate(path.steady(), "", goal(path.steady().ack().p99(), STEADY_P99_GOAL_MILLIS));
    rate(path.half(), " (half the peak of 2)", "| |");
    read("`polls().tally(68)`", path.tally(), path.votes());
    read("`polls().options(poll)`", path.options(), path.votes());
    line(
        "| 5. Size with the votes of 2 | %s open, %s closed | | |",
        megabytes(path.bytesOpen()), megabytes(path.bytesClosed()));
    line(
        "| 5. Size during and after a trickle: %,d votes in %,d commits (%.1f votes each, %.0f s)"
            + " | at most %s%s, %s closed | | |",
        trickle.votes(),
        trickle.commits(),
        (double) trickle.votes() / Math.max(1, trickle.commits()),
        trickle.seconds(),
        megabytes(trickle.largestBytes()),
        e.trickle()
            .compacted()
            .map(
                c ->
                    String.format(
                        Locale.ROOT,
                        "; %s after the idle bot's compaction (%.1f s)",
                        megabytes(c.bytesAfter()),
                        c.duration().toMillis() / 1000.0))
            .orElse(""),
        megabytes(e.trickle().bytesClosed()));
    line("| 6. Peak heap (sum of the heap pools' peaks) | %s | | |", megabytes(e.peakHeapBytes()));
    long failed = path.failed() + trickle.failed();
    line(
        "| Votes failed; counters equal a recount after 3 | %,d; %s | none; yes | %s |",
        failed, path.countersMatch() ? "yes" : "no", met(failed == 0 && path.countersMatch()));
  }

  private void rate(Rate rate, String which, String goal) {
    line(
        "| 3. Acknowledgement at %,.0f votes/s%s, open loop %s %s",
        rate.perSecond(), which, percentiles(rate.ack()), goal);
  }

  private void read(String call, Latencies.Summary latency, int votes) {
    line(
        "| 4. %s with %,d votes stored, %,d calls %s %s",
        call,
        votes,
        latency.samples(),
        percentiles(latency),
        goal(latency.p99(), TALLY_P99_GOAL_MILLIS));
  }

  private void method() {
    line("");
    line(
        "Each engine runs on fresh databases with the real migrations: H2 as a file in a"
            + " temporary folder, PostgreSQL as a new schema. 3 runs on the database of 2, reopened"
            + " after its size was measured closed, after %d s at %,d votes/s that is not counted;"
            + " its votes are due at a fixed rate and each one's latency runs from when it was due to"
            + " its answer, so a stall counts for every vote behind it. %.0f%% of the votes of 3 and"
            + " of the trickle change an earlier vote, the rest are new voters'. The trickle hands"
            + " votes in 1 to 5 at a time, each group answered before the next. Sizes are H2's"
            + " `.mv.db` file, or PostgreSQL's tables with their indexes (`pg_total_relation_size`).",
        EngineBench.WARM_UP_SECONDS, EngineBench.STEADY_RATE, EngineBench.CHANGE_SHARE * 100);
  }

  private static String percentiles(Latencies.Summary latency) {
    return String.format(
        Locale.ROOT,
        "| p50 %.3f ms, p99 **%.3f ms**, p99.9 %.3f ms, max %.3f ms |",
        latency.p50(),
        latency.p99(),
        latency.p999(),
        latency.max());
  }

  private static String goal(double p99, double limitMillis) {
    return String.format(
        Locale.ROOT, "p99 under %.0f ms | %s |", limitMillis, met(p99 < limitMillis));
  }

  private static String met(boolean met) {
    return met ? "yes" : "**no**";
  }

  /** Bytes in mebibytes, one decimal. */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
  }

  private void line(String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
