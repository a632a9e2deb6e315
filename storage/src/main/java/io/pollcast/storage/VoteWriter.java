package io.pollcast.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one vote path, on every engine: stores votes and answers each voter after the commit. Group
 * commit: votes that arrive together are applied in one transaction ({@link VoteBatch}), whatever
 * queued up while the previous batch committed, up to {@value #DEFAULT_MAX_BATCH}, and the counters
 * change in that same transaction. Only once it committed are the voters answered, by completing
 * their futures. The database decides every vote: a batch locks the rows of its polls, so batches
 * of other Pollcast processes on the same PostgreSQL, and closes, wait for it or it for them, and
 * one vote per voter per poll is also the primary key of the votes. A batch that fails is rolled
 * back whole and every voter in it is told ({@link VoteNotRecordedException}); so is a batch that
 * meets an {@link Error}, and the writer goes on with the next one.
 *
 * <p>A batch that began while other votes were waiting lingers up to {@value
 * #DEFAULT_LINGER_MILLIS} ms for more, so that moderate loads share commits; a vote that arrives
 * alone is written at once.
 *
 * <p>Threading: {@link #submit} may be called from any thread. Futures complete on the writer
 * thread: attach only quick callbacks, or use the {@code *Async} variants.
 */
public final class VoteWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VoteWriter.class);

  /** The batch bound of {@link #VoteWriter(Jdbi)}. */
  public static final int DEFAULT_MAX_BATCH = 1_000;

  /** The linger of {@link #VoteWriter(Jdbi)}, taken only when other votes are waiting. */
  public static final int DEFAULT_LINGER_MILLIS = 3;

  private static final int QUEUE_CAPACITY = 100_000;

  private final Jdbi jdbi;
  private final int maxBatch;
  private final long lingerNanos;
  private final boolean lingerOnlyWhenOthersWait;
  private final BlockingQueue<PendingVote> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final LongAdder batches = new LongAdder();
  private final LongAdder votes = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();
  private final Thread thread;
  private volatile boolean closing;

  /**
   * Starts a writer with the default batch bound and linger: a batch that began with other votes
   * waiting closes when full or after {@value #DEFAULT_LINGER_MILLIS} ms; a vote that arrived alone
   * is written at once.
   */
  public VoteWriter(Jdbi jdbi) {
    this(jdbi, DEFAULT_MAX_BATCH, Duration.ofMillis(DEFAULT_LINGER_MILLIS), true);
  }

  /** Starts a writer whose batches hold at most {@code maxBatch} votes, without linger. */
  public VoteWriter(Jdbi jdbi, int maxBatch) {
    this(jdbi, maxBatch, Duration.ZERO);
  }

  /**
   * Starts a writer whose batches hold at most {@code maxBatch} votes. A batch closes when it is
   * full, or once {@code linger} has passed since its first vote was taken (at once when zero).
   */
  public VoteWriter(Jdbi jdbi, int maxBatch, Duration linger) {
    this(jdbi, maxBatch, linger, false);
  }

  /**
   * As {@link #VoteWriter(Jdbi, int, Duration)}, but if {@code lingerOnlyWhenOthersWait}, a batch
   * whose first vote found no other waiting closes at once.
   */
  VoteWriter(Jdbi jdbi, int maxBatch, Duration linger, boolean lingerOnlyWhenOthersWait) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must not be negative");
    }
    this.jdbi = jdbi;
    this.maxBatch = maxBatch;
    this.lingerNanos = linger.toNanos();
    this.lingerOnlyWhenOthersWait = lingerOnlyWhenOthersWait;
    this.thread = new Thread(this::run, "pollcast-vote-writer");
    thread.start();
  }

  /**
   * Queues a vote. The future completes once the vote is durable or refused, and fails with {@link
   * VoteNotRecordedException} if it could not be stored.
   */
  public CompletableFuture<VoteResult> submit(VoteRequest request) {
    return PendingVote.queue(request, queue, closing).result();
  }

  private void run() {
    List<PendingVote> batch = new ArrayList<>(maxBatch);
    while (!closing || !queue.isEmpty()) {
      try {
        PendingVote first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        fill(batch);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        PendingVote.failAll(batch, e);
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void fill(List<PendingVote> batch) throws InterruptedException {
    queue.drainTo(batch, maxBatch - batch.size());
    if (lingerOnlyWhenOthersWait && batch.size() == 1) {
      return;
    }
    long deadline = System.nanoTime() + lingerNanos;
    while (lingerNanos > 0 && batch.size() < maxBatch) {
      PendingVote next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        return;
      }
      batch.add(next);
      queue.drainTo(batch, maxBatch - batch.size());
    }
  }

  private void write(List<PendingVote> batch) {
    List<VoteRequest> requests = batch.stream().map(PendingVote::request).toList();
    List<VoteResult> results;
    long start = System.nanoTime();
    try {
      results = jdbi.inTransaction(handle -> VoteBatch.apply(handle, requests));
    } catch (RuntimeException | Error e) {
      // an Error too (out of memory, say): this thread must live on, or no vote is answered again
      LOG.error(
          "A batch of {} votes could not be stored; every voter in it is told", batch.size(), e);
      PendingVote.failAll(batch, e);
      return;
    } finally {
      busyNanos.add(System.nanoTime() - start);
    }
    batches.increment();
    votes.add(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }

  /** Votes queued and not yet taken into a batch; for tests. */
  int queued() {
    return queue.size();
  }

  /** How many batches and votes were committed so far; for measurements. */
  public Stats stats() {
    return new Stats(batches.sum(), votes.sum(), busyNanos.sum());
  }

  /** Stops taking votes, writes every vote already queued, then stops the writer thread. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    PendingVote.refuseQueued(queue);
  }

  /**
   * What the writer committed so far.
   *
   * @param batches transactions committed
   * @param votes requests answered by those transactions (refusals included)
   * @param busyNanos time spent in transactions, committed or failed
   */
  public record Stats(long batches, long votes, long busyNanos) {
    /** Votes per committed batch, on average; 0 before the first. */
    public double meanBatch() {
      return batches == 0 ? 0 : (double) votes / batches;
    }

    /** What happened between {@code earlier} and these figures. */
    public Stats since(Stats earlier) {
      return new Stats(
          batches - earlier.batches, votes - earlier.votes, busyNanos - earlier.busyNanos);
    }
  }
}
