package io.pollcast.cli;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Pollcast;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.VoteOutcome;
import io.pollcast.poll.PollService;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.poll.VoteIntake;
import io.pollcast.poll.VoterKeys;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The voting half of the crash test: on the configured database, opens the example episode's polls
 * in the console and casts votes from many listeners at once through {@link PollService#vote},
 * printing {@code ACK <listener> <poll> <option>} for each vote once it is acknowledged, so that a
 * test can kill the process mid-burst and check afterwards that every acknowledged vote is stored.
 * Every vote comes from a new listener, so an acknowledged vote has exactly one expected state. Run
 * in a child JVM by {@link CrashDrillTest}, configured by the environment as the bot is.
 */
final class CrashDrill {
  private static final int EPISODE = 68;

  private final Pollcast pollcast;
  private final PrintStream out;

  CrashDrill(Pollcast pollcast, PrintStream out) {
    this.pollcast = pollcast;
    this.out = out;
  }

  /** Casts votes from 16 listeners at once on the database the environment names, until killed. */
  public static void main(String[] args) throws InterruptedException {
    PollcastConfig config = ConfigLoader.load(Optional.empty(), System.getenv());
    byte[] key = VoterKeys.load(config.privacy(), config.secrets());
    try (Pollcast pollcast =
        Pollcast.open(
            config, key, Clock.systemUTC(), Map.of(Platform.CONSOLE, new RecordingPublisher()))) {
      new CrashDrill(pollcast, System.out).run(Integer.MAX_VALUE, 16);
    }
  }

  /** Casts {@code votes} votes from {@code clients} threads, then prints {@code DONE}. */
  void run(int votes, int clients) throws InterruptedException {
    PollService service = pollcast.service();
    VoteIntake intake = pollcast.votes();
    BundledEpisodes.importIfEmpty(service);
    service.start(LocalOperator.ACTOR, Place.CONSOLE, EPISODE, Optional.empty());
    List<Long> polls = new ArrayList<>();
    for (int thesis = 1; service.pollIn(Place.CONSOLE, EPISODE, thesis).isPresent(); thesis++) {
      polls.add(service.pollIn(Place.CONSOLE, EPISODE, thesis).get().pollId());
    }
    String run = Long.toString(System.nanoTime(), 36);
    AtomicInteger next = new AtomicInteger();
    Thread[] threads = new Thread[clients];
    for (int t = 0; t < clients; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int n = next.getAndIncrement(); n < votes; n = next.getAndIncrement()) {
                  String listener = "drill-" + run + "-" + n;
                  long poll = polls.get(n % polls.size());
                  int option = (n / polls.size()) % 2;
                  VoteOutcome result =
                      intake
                          .vote(
                              new Actor(Place.CONSOLE.platform(), listener, listener, Set.of()),
                              Place.CONSOLE,
                              poll,
                              option)
                          .join()
                          .result();
                  if (result.status() == VoteOutcome.Status.COUNTED) {
                    out.println("ACK " + listener + " " + poll + " " + option);
                  }
                }
              },
              "drill-voter-" + t);
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    out.println("DONE");
    out.flush();
  }
}
