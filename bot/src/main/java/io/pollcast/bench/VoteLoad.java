package io.pollcast.bench;

import io.pollcast.poll.Actor;
import io.pollcast.poll.Platform;
import io.pollcast.poll.PollService;
import io.pollcast.poll.VoteReply;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Drives {@link PollService#vote} as platform adapters do, the acknowledgement being the completion
 * of the returned future. Three loads: as fast as the service takes them with many votes in flight
 * (the peak), at a fixed rate with the latency of each vote measured from the moment it was due
 * (open loop, so that a stall counts for every vote that waited behind it), both with every vote
 * from a new listener, and listeners of the peak changing their votes over and over.
 */
final class VoteLoad {
  private final PollService service;
  private final List<Long> polls;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong changed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private int nextListener;
  private double lastTenthPerSecond;

  VoteLoad(PollService service, List<Long> polls) {
    this.service = service;
    this.polls = List.copyOf(polls);
  }

  /** Votes acknowledged as durable so far. */
  long acknowledged() {
    return acknowledged.get();
  }

  /** Votes that failed so far. */
  long failed() {
    return failed.get();
  }

  /**
   * Casts {@code votes} votes from {@code submitters} threads, keeping at most {@code inFlight}
   * unacknowledged; returns votes per second, from the first submission to the last
   * acknowledgement.
   */
  double peak(int votes, int inFlight, int submitters) throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    int first = nextListener;
    nextListener += votes;
    long start = System.nanoTime();
    AtomicLong lastTenthStart = new AtomicLong();
    AtomicInteger answered = new AtomicInteger();
    int lastTenth = votes - votes / 10;
    Thread[] threads = new Thread[submitters];
    for (int t = 0; t < submitters; t++) {
      int offset = t;
      threads[t] =
          new Thread(
              () -> {
                for (int i = offset; i < votes; i += submitters) {
                  permits.acquireUninterruptibly();
                  var unused =
                      vote(first + i)
                          .whenComplete(
                              (reply, error) -> {
                                if (answered.incrementAndGet() == lastTenth) {
                                  lastTenthStart.set(System.nanoTime());
                                }
                                permits.release();
                              });
                }
              },
              "bench-submitter-" + t);
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    permits.acquire(inFlight);
    long end = System.nanoTime();
    lastTenthPerSecond = (votes - lastTenth) / ((end - lastTenthStart.get()) / 1e9);
    return votes / ((end - start) / 1e9);
  }

  /**
   * Votes per second over the last tenth of the last peak run: from the answer that completed nine
   * tenths of its votes to the last answer. What the path sustains with nearly all votes stored.
   */
  double lastTenthPerSecond() {
    return lastTenthPerSecond;
  }

  /**
   * Casts votes at {@code perSecond} for {@code seconds}, from one scheduling thread, and returns
   * the acknowledgement latencies measured from each vote's scheduled time.
   */
  Latencies.Summary openLoop(double perSecond, double seconds) throws InterruptedException {
    int votes = (int) Math.max(1, perSecond * seconds);
    Latencies latencies = new Latencies(votes);
    CountDownLatch answered = new CountDownLatch(votes);
    int first = nextListener;
    nextListener += votes;
    double interval = 1e9 / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < votes; i++) {
      long due = start + (long) (i * interval);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int slot = i;
      var unused =
          vote(first + i)
              .whenComplete(
                  (reply, error) -> {
                    if (error == null) {
                      latencies.record(slot, System.nanoTime() - due);
                    }
                    answered.countDown();
                  });
    }
    answered.await();
    return latencies.summary();
  }

  /**
   * Has the first {@code electorate} listeners of the peak run change their votes {@code rounds}
   * times over, from one thread with at most {@code inFlight} votes unanswered; every vote changes
   * its listener's option, so every one is stored. {@code afterRound} hears the number of each
   * round once all its votes are answered. Returns votes per second.
   */
  double changes(int electorate, int rounds, int inFlight, IntConsumer afterRound)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    long start = System.nanoTime();
    for (int round = 1; round <= rounds; round++) {
      for (int listener = 0; listener < electorate; listener++) {
        permits.acquire();
        var unused =
            vote(listener, option(listener) ^ (round & 1), changed)
                .whenComplete((reply, error) -> permits.release());
      }
      permits.acquire(inFlight);
      permits.release(inFlight);
      afterRound.accept(round);
    }
    return (double) electorate * rounds / ((System.nanoTime() - start) / 1e9);
  }

  /** Changed votes acknowledged so far. */
  long changed() {
    return changed.get();
  }

  private CompletableFuture<VoteReply> vote(int listener) {
    return vote(listener, option(listener), acknowledged);
  }

  private int option(int listener) {
    return (listener / polls.size()) % 2;
  }

  private CompletableFuture<VoteReply> vote(int listener, int option, AtomicLong counter) {
    Actor actor =
        new Actor(Platform.CONSOLE, "listener-" + listener, "listener " + listener, Set.of());
    return service
        .vote(actor, polls.get(listener % polls.size()), option)
        .whenComplete(
            (reply, error) -> {
              if (error == null && reply.result().status().changed()) {
                counter.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            });
  }
}
