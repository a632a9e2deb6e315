package io.pollcast.bench;

import io.pollcast.bench.EngineFigures.Rate;
import io.pollcast.storage.Database;
import io.pollcast.storage.H2Compaction;
import io.pollcast.storage.VoteWriter;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One engine's run, each part on a fresh database: the raw limit; the vote path at its peak, tally
 * latency and the database's size with those votes stored, then acknowledgement latency at fixed
 * rates on the same database, reopened; a trickle of small commits. The heap's peak covers it all.
 */
final class EngineBench {
  static final int IN_FLIGHT = 2_000;
  static final int SUBMITTERS = 4;
  static final double CHANGE_SHARE = 0.25;
  static final int STEADY_RATE = 1_000;
  static final int WARM_UP_SECONDS = 1;
  static final int TALLY_WARM_UP = 500;
  static final int TALLY_CALLS = 2_000;

  /**
   * How much to do.
   *
   * @param votes votes of the raw limit and of the vote path's peak
   * @param trickle votes of the trickle
   * @param latencySeconds how long each latency run lasts
   */
  record Settings(int votes, int trickle, int latencySeconds) {}

  /** Work on one scratch database. */
  private interface Part<T> {
    T run(Scratch scratch) throws Exception;
  }

  private final Settings settings;
  private final Function<String, Scratch> fresh;
  private final PrintWriter progress;

  /** A run that makes its databases with {@code fresh} and reports progress to {@code progress}. */
  EngineBench(Settings settings, Function<String, Scratch> fresh, PrintWriter progress) {
    this.settings = settings;
    this.fresh = fresh;
    this.progress = progress;
  }

  EngineFigures run() throws Exception {
    HeapPeak.reset();
    RawLimit.Result raw = on("raw", this::rawLimit);
    EngineFigures.Path path = on("path", this::votePath);
    EngineFigures.Trickle trickle = on("trickle", this::trickle);
    return new EngineFigures(raw.engine(), raw.perSecond(), path, trickle, HeapPeak.bytes());
  }

  private RawLimit.Result rawLimit(Scratch scratch) throws Exception {
    say("raw limit: %,d votes, plain JDBC batches of %,d", settings.votes(), RawLimit.BATCH);
    RawLimit.Result raw = RawLimit.run(scratch.config(), settings.votes());
    say("  %s: %,.0f votes/s", raw.engine(), raw.perSecond());
    return raw;
  }

  private EngineFigures.Path votePath(Scratch scratch) throws Exception {
    int votes = settings.votes();
    Electorate electorate;
    VoteLoad peakLoad;
    double peak;
    VoteWriter.Stats stats;
    long bytesOpen;
    Latencies.Summary tally;
    Latencies.Summary options;
    try (Database db = Database.open(scratch.config())) {
      electorate = Electorate.open(db, 2);
      peakLoad = new VoteLoad(db.votes(), electorate);
      say("vote path: %,d votes, %,d in flight from %d threads", votes, IN_FLIGHT, SUBMITTERS);
      VoteWriter.Stats before = db.votes().stats();
      peak = peakLoad.peak(votes, IN_FLIGHT, SUBMITTERS);
      stats = db.votes().stats().since(before);
      bytesOpen = scratch.bytes();
      say("  %,.0f votes/s, %.0f votes per commit; %s", peak, stats.meanBatch(), mb(bytesOpen));
      say("tally: %,d calls each of tally(68) and options(poll)", TALLY_CALLS);
      tally =
          Latencies.time(TALLY_WARM_UP, TALLY_CALLS, () -> db.polls().tally(Electorate.EPISODE));
      long poll = electorate.polls().get(0);
      options = Latencies.time(TALLY_WARM_UP, TALLY_CALLS, () -> db.polls().options(poll));
      say("  p99 %.3f ms and %.3f ms", tally.p99(), options.p99());
    }
    long bytesClosed = scratch.bytes();
    say("size after close: %s", mb(bytesClosed));
    try (Database db = Database.open(scratch.config())) {
      VoteLoad load = new VoteLoad(db.votes(), electorate);
      say("latency, reopened; %d s at %,d votes/s not counted", WARM_UP_SECONDS, STEADY_RATE);
      load.openLoop(STEADY_RATE, WARM_UP_SECONDS, CHANGE_SHARE);
      Rate steady = latency(load, STEADY_RATE);
      Rate half = latency(load, peak / 2);
      boolean countersMatch = db.polls().counterDifferences().isEmpty();
      return new EngineFigures.Path(
          votes,
          peak,
          stats.meanBatch(),
          steady,
          half,
          tally,
          options,
          bytesOpen,
          bytesClosed,
          peakLoad.failed() + load.failed(),
          countersMatch);
    }
  }

  private Rate latency(VoteLoad load, double perSecond) throws InterruptedException {
    say("  %,.0f votes/s for %d s, open loop", perSecond, settings.latencySeconds());
    Latencies.Summary ack = load.openLoop(perSecond, settings.latencySeconds(), CHANGE_SHARE);
    say("  p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms", ack.p50(), ack.p99(), ack.p999());
    return new Rate(perSecond, ack);
  }

  private EngineFigures.Trickle trickle(Scratch scratch) {
    Trickle.Result run;
    Optional<H2Compaction.Compacted> compacted;
    try (Database db = Database.open(scratch.config())) {
      say("trickle: %,d votes, 1 to 5 at a time", settings.trickle());
      Electorate electorate = Electorate.open(db, 3);
      run = Trickle.run(db.votes(), electorate, settings.trickle(), CHANGE_SHARE, scratch::bytes);
      compacted = db.h2Compaction().map(H2Compaction::compactNow);
    }
    long bytesClosed = scratch.bytes();
    say(
        "  %,d commits; at most %s, %s closed",
        run.commits(), mb(run.largestBytes()), mb(bytesClosed));
    compacted.ifPresent(
        c ->
            say(
                "  compacted while open: %s in %.1f s",
                mb(c.bytesAfter()), c.duration().toMillis() / 1000.0));
    return new EngineFigures.Trickle(run, compacted, bytesClosed);
  }

  private <T> T on(String name, Part<T> part) throws Exception {
    Scratch scratch = fresh.apply(name);
    try {
      return part.run(scratch);
    } finally {
      scratch.drop();
    }
  }

  private static String mb(long bytes) {
    return Report.megabytes(bytes);
  }

  private void say(String format, Object... args) {
    progress.println(String.format(Locale.ROOT, format, args));
    progress.flush();
  }
}
