package io.pollcast.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vote path's writer: group commit. Votes that arrive together are applied in one transaction
 * (a batch is whatever queued up while the previous batch committed, up to a size bound), made
 * durable, and only then acknowledged by completing their futures. One voter per poll and the
 * counters stay exact because a single thread applies the batches in arrival order; a batch that
 * fails is rolled back whole and every future in it fails with {@link VoteNotRecordedException}.
 *
 * <p>Threading: {@link #submit} may be called from any thread. Futures complete on the writer
 * thread: attach only quick callbacks, or use the {@code *Async} variants.
 */
public final class VoteWriter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VoteWriter.class);
  private static final int DEFAULT_MAX_BATCH = 1_000;
  private static final int QUEUE_CAPACITY = 100_000;

  private final Jdbi jdbi;
  private final int maxBatch;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread thread;
  private volatile boolean closing;

  /** Starts a writer with the default batch bound. */
  public VoteWriter(Jdbi jdbi) {
    this(jdbi, DEFAULT_MAX_BATCH);
  }

  /** Starts a writer whose batches hold at most {@code maxBatch} votes. */
  public VoteWriter(Jdbi jdbi, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1");
    }
    this.jdbi = jdbi;
    this.maxBatch = maxBatch;
    this.thread = new Thread(this::run, "pollcast-vote-writer");
    thread.start();
  }

  /**
   * Queues a vote. The future completes once the vote is durable or refused, and fails with {@link
   * VoteNotRecordedException} if it could not be stored.
   */
  public CompletableFuture<VoteResult> submit(VoteRequest request) {
    Pending pending = new Pending(request, new CompletableFuture<>());
    if (closing) {
      pending.result().completeExceptionally(notRecorded("the bot is shutting down", null));
    } else if (!queue.offer(pending)) {
      pending.result().completeExceptionally(notRecorded("too many votes at once", null));
    }
    return pending.result();
  }

  private void run() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (!closing || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failAll(batch, e);
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    List<VoteRequest> requests = batch.stream().map(Pending::request).toList();
    List<VoteResult> results;
    try {
      results = jdbi.inTransaction(handle -> VoteBatch.apply(handle, requests));
    } catch (RuntimeException e) {
      LOG.error(
          "A batch of {} votes could not be stored; every voter in it is told", batch.size(), e);
      failAll(batch, e);
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).result().complete(results.get(i));
    }
  }

  private static void failAll(List<Pending> batch, Exception cause) {
    for (Pending pending : batch) {
      pending.result().completeExceptionally(notRecorded("the database failed", cause));
    }
  }

  private static VoteNotRecordedException notRecorded(String why, Throwable cause) {
    return new VoteNotRecordedException("Vote not recorded: " + why + ". Please try again.", cause);
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
    List<Pending> late = new ArrayList<>();
    queue.drainTo(late);
    for (Pending pending : late) {
      pending.result().completeExceptionally(notRecorded("the bot is shutting down", null));
    }
  }

  private record Pending(VoteRequest request, CompletableFuture<VoteResult> result) {}
}
