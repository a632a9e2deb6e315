package io.pollcast.bench;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Pollcast;
import io.pollcast.config.PollcastConfig;
import io.pollcast.config.StorageConfig;
import io.pollcast.poll.Place;
import io.pollcast.poll.Platform;
import io.pollcast.poll.PollInfo;
import io.pollcast.storage.PollStore;
import io.pollcast.storage.QuickReads;
import io.pollcast.storage.VoteWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One run of {@code pollcast bench}, in this process, on fresh file databases in a temporary
 * folder: H2's raw limit, the vote path at its peak, acknowledgement latency at half, a quarter and
 * an eighth of that peak, and tally latency with all those votes stored.
 */
public final class Benchmark {
  private static final int EPISODE = 68;
  private static final int TALLY_READS = 20_000;

  /**
   * The latency runs, each at this fraction of the peak: half (the goal's), a quarter, an eighth.
   */
  private static final int[] LATENCY_SHARES = {2, 4, 8};

  /** Listeners of the peak run who then change their votes, each {@value #CHANGE_ROUNDS} times. */
  private static final int CHANGING_LISTENERS = 200_000;

  private static final int CHANGE_ROUNDS = 5;

  private final PollcastConfig base;
  private final Settings settings;
  private final PrintStream progress;

  /**
   * What to run.
   *
   * @param votes votes in each throughput run
   * @param inFlight most votes in flight in the vote path's peak run
   * @param submitters threads submitting votes in that run
   * @param latencySeconds how long the latency run lasts
   * @param arguments the command's arguments, to print the command that runs it again
   */
  public record Settings(
      int votes, int inFlight, int submitters, double latencySeconds, List<String> arguments) {}

  /** A benchmark with the given settings; {@code progress} hears what it is doing. */
  public Benchmark(PollcastConfig base, Settings settings, PrintStream progress) {
    this.base = base;
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs it; the temporary databases are deleted afterwards. */
  public BenchFigures run() throws IOException, SQLException, InterruptedException {
    double loadBefore = Machine.load();
    Path dir = Files.createTempDirectory("pollcast-bench");
    try (HeapWatch heap = new HeapWatch()) {
      int batch = VoteWriter.DEFAULT_MAX_BATCH;
      say("raw limit: %,d votes in batches of %,d from one thread", settings.votes(), batch);
      double raw = RawLimit.run(storage(dir, "raw"), settings.votes(), batch);
      long rawFile = FileWatch.size(databaseFile(dir, "raw"));
      say("  %,.0f votes/s; file %s", raw, BenchReport.megabytes(rawFile));
      heap.sample();
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      try (Pollcast pollcast =
          Pollcast.open(
              withStorage(storage(dir, "path")),
              key,
              Clock.systemUTC(),
              Map.of(Platform.CONSOLE, new SilentPublisher()))) {
        var service = pollcast.service();
        service.importEpisode(LocalOperator.ACTOR, BundledEpisodes.example());
        List<Long> polls =
            service
                .start(LocalOperator.ACTOR, Place.CONSOLE, EPISODE, Optional.empty())
                .posted()
                .stream()
                .map(PollInfo::pollId)
                .toList();
        VoteLoad load = new VoteLoad(service, polls);
        Path pathDb = databaseFile(dir, "path");
        FileWatch pathWatch = new FileWatch(pathDb);
        say(
            "vote path: %,d votes through PollService.vote, at most %,d in flight",
            settings.votes(), settings.inFlight());
        long peakStart = System.nanoTime();
        double acknowledgedPerSecond =
            load.peak(settings.votes(), settings.inFlight(), settings.submitters());
        // the peak is the rate at which votes were acknowledged and stored in H2 as well: the desk
        // may run ahead of H2, but only so far, so that is the rate it sustains
        pollcast.database().votes().awaitAcknowledgedVotes();
        double path = settings.votes() / ((System.nanoTime() - peakStart) / 1e9);
        VoteWriter.Stats stats = pollcast.voteStats();
        long pathFile = FileWatch.size(pathDb);
        say(
            "  %,.0f votes/s stored (%,.0f/s acknowledged; %.2f of the raw limit; %,.0f/s over the"
                + " last tenth), %.0f votes per batch; file %s",
            path,
            acknowledgedPerSecond,
            path / raw,
            load.lastTenthPerSecond(),
            stats.meanBatch(),
            BenchReport.megabytes(pathFile));
        heap.sample();
        List<LoadLatency> loads = new ArrayList<>();
        for (int share : LATENCY_SHARES) {
          double rate = path / share;
          double seconds = settings.latencySeconds() / (share == 2 ? 1 : 2);
          say(
              "latency: %,.0f votes/s (1/%d of the peak) for %.0f s, open loop",
              rate, share, seconds);
          pollcast.database().votes().awaitAcknowledgedVotes(); // each rate from a standstill
          VoteWriter.Stats before = pollcast.voteStats();
          long start = System.nanoTime();
          Latencies.Summary ack = load.openLoop(rate, seconds);
          double busy =
              pollcast.voteStats().since(before).busyNanos() / (double) (System.nanoTime() - start);
          say(
              "  p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms; H2 storing votes %.0f%% of the time",
              ack.p50(), ack.p99(), ack.p999(), busy * 100);
          loads.add(new LoadLatency(share, rate, ack, busy));
          heap.sample();
        }
        long pathLargest = pathWatch.largest();
        pathWatch.close();
        long pathRest = pathWatch.atRest();
        say(
            "file: at most %s while voting, %s once voting stopped",
            BenchReport.megabytes(pathLargest), BenchReport.megabytes(pathRest));
        SustainedVoting sustained = changeVotes(load, pathDb);
        heap.sample();
        PollStore store = pollcast.database().polls();
        long counted = polls.stream().mapToLong(store::voters).sum();
        boolean exact = store.counterDifferences().isEmpty();
        say("tallies: %,d votes stored", counted);
        int reads = Math.min(TALLY_READS, Math.max(1_000, settings.votes()));
        QuickReads quick = pollcast.database().quickReads();
        long firstPoll = polls.get(0);
        Latencies.Summary options = TallyLatency.measure(() -> quick.counters(firstPoll), reads);
        Latencies.Summary episode = TallyLatency.measure(() -> quick.tally(EPISODE), reads);
        Latencies.Summary moderator =
            TallyLatency.measure(() -> service.results(EPISODE).theses(), reads);
        long pathEnd = FileWatch.size(pathDb);
        return new BenchFigures(
            Machine.current(loadBefore, settings.arguments()),
            settings.votes(),
            batch,
            settings.inFlight(),
            raw,
            path,
            acknowledgedPerSecond,
            load.lastTenthPerSecond(),
            stats.meanBatch(),
            loads,
            counted,
            options,
            episode,
            moderator,
            heap.peakBytes(),
            heap.liveBytes(),
            HeapWatch.collections(),
            rawFile,
            pathFile,
            pathEnd,
            pathLargest,
            pathRest,
            sustained,
            load.acknowledged(),
            load.failed(),
            counted,
            exact);
      }
    } finally {
      delete(dir);
    }
  }

  private SustainedVoting changeVotes(VoteLoad load, Path file) throws InterruptedException {
    int electorate = Math.min(settings.votes(), CHANGING_LISTENERS);
    say(
        "sustained voting: %,d listeners change their votes %d times over",
        electorate, CHANGE_ROUNDS);
    List<Long> afterRound = new ArrayList<>();
    try (FileWatch watch = new FileWatch(file)) {
      double perSecond =
          load.changes(
              electorate,
              CHANGE_ROUNDS,
              settings.inFlight(),
              round -> {
                afterRound.add(FileWatch.size(file));
                say("  round %d: file %s", round, BenchReport.megabytes(afterRound.get(round - 1)));
              });
      long largest = watch.largest();
      long rest = watch.atRest();
      say(
          "  %,.0f votes/s; file at most %s, %s once voting stopped",
          perSecond, BenchReport.megabytes(largest), BenchReport.megabytes(rest));
      return new SustainedVoting(
          electorate, CHANGE_ROUNDS, perSecond, afterRound, largest, rest, load.changed());
    }
  }

  private void say(String format, Object... arguments) {
    progress.printf(format + "%n", arguments);
    progress.flush();
  }

  private static StorageConfig storage(Path dir, String name) {
    return new StorageConfig(
        "jdbc:h2:file:" + dir.resolve(name).toAbsolutePath() + ";AUTO_SERVER=TRUE", "sa", "", 4);
  }

  private PollcastConfig withStorage(StorageConfig storage) {
    return new PollcastConfig(
        base.language(),
        base.timeZone(),
        storage,
        base.polls(),
        base.privacy(),
        base.console(),
        base.discord(),
        base.slack(),
        base.secrets());
  }

  private static Path databaseFile(Path dir, String name) {
    return dir.resolve(name + ".mv.db");
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
