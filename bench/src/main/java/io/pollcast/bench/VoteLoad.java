package io.pollcast.bench;

import io.pollcast.storage.VoteResult;
import io.pollcast.storage.VoteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the vote path as the bot does: {@link VoteWriter#submit}, the vote being acknowledged when
 * its future completes. Two loads: the peak, as fast as the path takes new voters' votes with many
 * in flight; and an open loop, votes due at a fixed rate, each vote's latency measured from the
 * moment it was due, so that a stall counts for every vote that waited behind it.
 */
final class VoteLoad {
  private final VoteWriter writer;
  private final Electorate electorate;
  private final LongAdder failed = new LongAdder();

  VoteLoad(VoteWriter writer, Electorate electorate) {
    this.writer = writer;
    this.electorate = electorate;
  }

  /**
   * Casts {@code votes} votes of new voters from {@code submitters} threads, with at most {@code
   * inFlight} unanswered; returns votes per second from the first submission to the last answer.
   */
  double peak(int votes, int inFlight, int submitters) throws InterruptedException {
    int first = electorate.enrol(votes);
    Semaphore permits = new Semaphore(inFlight);
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < submitters; t++) {
      int offset = t;
      Thread thread =
          new Thread(
              () -> {
                for (int i = offset; i < votes; i += submitters) {
                  permits.acquireUninterruptibly();
                  var unused =
                      writer
                          .submit(electorate.first(first + i))
                          .whenComplete(
                              (result, error) -> {
                                check(result, error);
                                permits.release();
                              });
                }
              },
              "bench-submitter-" + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    permits.acquire(inFlight);
    return votes / ((System.nanoTime() - start) / 1e9);
  }

  /**
   * Casts votes at {@code perSecond} for {@code seconds} from this thread, a share {@code
   * changeShare} of them changes of earlier votes, and returns the latencies from each vote's due
   * time to its answer.
   */
  Latencies.Summary openLoop(double perSecond, double seconds, double changeShare)
      throws InterruptedException {
    int votes = (int) Math.max(1, perSecond * seconds);
    Latencies latencies = new Latencies(votes);
    CountDownLatch answered = new CountDownLatch(votes);
    double interval = 1e9 / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < votes; i++) {
      long due = start + (long) (i * interval);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      int slot = i;
      var unused =
          writer
              .submit(electorate.next(changeShare))
              .whenComplete(
                  (result, error) -> {
                    latencies.record(slot, System.nanoTime() - due);
                    check(result, error);
                    answered.countDown();
                  });
    }
    answered.await();
    return latencies.summary();
  }

  /** Votes so far that failed, or did not change what was stored as they should have. */
  long failed() {
    return failed.sum();
  }

  private void check(VoteResult result, Throwable error) {
    if (error != null || !result.status().changed()) {
      failed.increment();
    }
  }
}
