package io.pollcast.bench;

import io.pollcast.storage.VoteResult;
import io.pollcast.storage.VoteWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A week of voting in miniature: votes handed to the vote path a few at a time (1 to 5, seeded),
 * each group answered before the next, so that the database sees a long run of small commits rather
 * than a few large ones. The database's size is sampled meanwhile.
 */
final class Trickle {
  private static final int MOST_AT_ONCE = 5;
  private static final long SAMPLE_MILLIS = 200;

  private Trickle() {}

  /**
   * What a trickle did.
   *
   * @param votes votes handed in
   * @param commits transactions the vote path committed for them
   * @param seconds how long it took
   * @param failed votes that failed or changed nothing
   * @param largestBytes the largest size of the database seen meanwhile
   */
  record Result(int votes, long commits, double seconds, long failed, long largestBytes) {}

  /**
   * Hands in {@code votes} votes from {@code electorate}, a share {@code changeShare} of them
   * changes, sampling {@code size} every {@value #SAMPLE_MILLIS} ms.
   */
  static Result run(
      VoteWriter writer, Electorate electorate, int votes, double changeShare, LongSupplier size) {
    SplittableRandom random = new SplittableRandom(7);
    AtomicLong largest = new AtomicLong(size.getAsLong());
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    var unused =
        sampler.scheduleAtFixedRate(
            () -> largest.accumulateAndGet(size.getAsLong(), Math::max),
            SAMPLE_MILLIS,
            SAMPLE_MILLIS,
            TimeUnit.MILLISECONDS);
    VoteWriter.Stats before = writer.stats();
    long failed = 0;
    long start = System.nanoTime();
    try {
      for (int done = 0; done < votes; ) {
        int group = Math.min(votes - done, 1 + random.nextInt(MOST_AT_ONCE));
        List<CompletableFuture<VoteResult>> answers = new ArrayList<>();
        for (int i = 0; i < group; i++) {
          answers.add(writer.submit(electorate.next(changeShare)));
        }
        for (CompletableFuture<VoteResult> answer : answers) {
          failed += changed(answer) ? 0 : 1;
        }
        done += group;
      }
    } finally {
      sampler.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    largest.accumulateAndGet(size.getAsLong(), Math::max);
    return new Result(
        votes, writer.stats().since(before).batches(), seconds, failed, largest.get());
  }

  private static boolean changed(CompletableFuture<VoteResult> answer) {
    try {
      return answer.join().status().changed();
    } catch (CompletionException e) {
      return false;
    }
  }
}
