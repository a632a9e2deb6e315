package io.pollcast.storage;

import io.pollcast.storage.BallotReplay.BallotKey;
import io.pollcast.storage.BallotReplay.Counter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the votes a {@link VoteDesk} journaled and acknowledged, in batches of up to {@value
 * #MAX_BATCH}, on a thread of its own, in journal order. The voters have their answers already, so
 * a batch waits up to {@value #LINGER_MILLIS} ms for more votes (less if a reader waits for them):
 * every commit has a fixed cost, and fewer, larger commits leave more of the machine to the desk.
 *
 * <p>Each vote comes with what the desk decided (the option before and after), so a batch reads
 * nothing: it inserts, updates or deletes each voter's net change and adds each counter's net
 * change, and checks that every row it changes was as the desk saw it. If one was not (something
 * changed a vote behind the desk, which nothing should), the batch is rolled back, stored again
 * through {@link VoteBatch}, which reads the votes first, and a warning is logged. Measured in
 * {@code pollcast bench}, the read was a large part of a batch's cost.
 *
 * <p>The votes were acknowledged already, so a batch that fails is tried again, in order, until it
 * commits; only while closing does the applier give up (after {@value #ATTEMPTS_WHEN_CLOSING}
 * attempts), and the votes stay in the journal for the next start.
 *
 * <p>Threading: {@link #apply} from the desk's thread; the callback runs on the applier's thread
 * after each commit.
 */
final class JournalApplier implements AutoCloseable {
  static final int MAX_BATCH = 1_000;
  static final int LINGER_MILLIS = 100;
  private static final long POLL_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final int QUEUE_CAPACITY = 100_000;
  private static final int ATTEMPTS_WHEN_CLOSING = 3;
  private static final long MAX_RETRY_PAUSE_MILLIS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(JournalApplier.class);

  /** A vote the desk journaled: its sequence number, the request, and what the desk decided. */
  record Accepted(long seq, VoteRequest request, VoteResult result) {
    BallotKey key() {
      return new BallotKey(request.pollId(), request.voter());
    }
  }

  private final Jdbi jdbi;
  private final Consumer<List<Accepted>> onStored;
  private final BlockingQueue<Accepted> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final LongAdder batches = new LongAdder();
  private final LongAdder votes = new LongAdder();
  private final LongAdder busyNanos = new LongAdder();
  private final LongAdder failedAttempts = new LongAdder();
  private final Thread thread;
  private volatile boolean closing;
  private volatile boolean hurry;

  /**
   * @param jdbi a {@code Jdbi} whose handles do not wait for acknowledged votes
   * @param onStored told of every batch once it committed
   */
  JournalApplier(Jdbi jdbi, Consumer<List<Accepted>> onStored) {
    this.jdbi = jdbi;
    this.onStored = onStored;
    this.thread = new Thread(this::run, "pollcast-journal-applier");
    thread.start();
  }

  /**
   * Queues journaled votes. The desk keeps at most {@link VoteDesk#MAX_UNAPPLIED} outstanding, so
   * the queue never overflows.
   */
  void apply(List<Accepted> accepted) {
    for (Accepted vote : accepted) {
      if (!queue.offer(vote)) {
        throw new IllegalStateException("The journal applier's queue is full");
      }
    }
  }

  /** Attempts to store a batch that failed and were tried again (or given up on); for tests. */
  long failedAttempts() {
    return failedAttempts.sum();
  }

  /** Makes the batch being gathered close now: a reader waits for its votes. */
  void hurry() {
    hurry = true;
  }

  /** What the applier committed so far. */
  VoteWriter.Stats stats() {
    return new VoteWriter.Stats(batches.sum(), votes.sum(), busyNanos.sum());
  }

  private void run() {
    List<Accepted> batch = new ArrayList<>(MAX_BATCH);
    while (!closing || !queue.isEmpty()) {
      try {
        Accepted first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        fill(batch);
        if (!store(batch)) {
          return;
        }
        onStored.accept(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * Tops the batch up until it is full or {@value #LINGER_MILLIS} ms have passed, unless a reader
   * is waiting for the votes.
   */
  private void fill(List<Accepted> batch) throws InterruptedException {
    queue.drainTo(batch, MAX_BATCH - batch.size());
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
    while (batch.size() < MAX_BATCH && !hurry && !closing) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        break;
      }
      Accepted next = queue.poll(Math.min(remaining, POLL_STEP_NANOS), TimeUnit.NANOSECONDS);
      if (next != null) {
        batch.add(next);
        queue.drainTo(batch, MAX_BATCH - batch.size());
      }
    }
    hurry = false;
  }

  /** Stores the batch, trying again until it commits; false if it gave up while closing. */
  private boolean store(List<Accepted> batch) {
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      try {
        write(batch);
        batches.increment();
        votes.add(batch.size());
        return true;
      } catch (RuntimeException | Error e) {
        // an Error too (out of memory, say): this thread must live on, or reads wait for good
        failedAttempts.increment();
        if (closing && attempt >= ATTEMPTS_WHEN_CLOSING) {
          LOG.error(
              "{} acknowledged votes are not in the database; they stay in the vote journal and"
                  + " are stored at the next start",
              batch.size() + queue.size(),
              e);
          return false;
        }
        long pause = Math.min(MAX_RETRY_PAUSE_MILLIS, 50L << Math.min(attempt, 10));
        LOG.error(
            "A batch of {} journaled votes could not be stored (attempt {}); trying again in {} ms",
            batch.size(),
            attempt,
            pause,
            e);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
      } finally {
        busyNanos.add(System.nanoTime() - start);
      }
    }
  }

  private void write(List<Accepted> batch) {
    try {
      jdbi.useTransaction(handle -> writeDecided(handle, batch));
    } catch (RuntimeException e) {
      if (!(e instanceof StaleDecisionException) && !violatesConstraint(e)) {
        throw e;
      }
      LOG.warn(
          "Votes were not as the vote desk saw them; the batch is stored reading them first", e);
      List<VoteRequest> requests = batch.stream().map(Accepted::request).toList();
      List<VoteResult> results = jdbi.inTransaction(handle -> VoteBatch.apply(handle, requests));
      long differ =
          IntStream.range(0, batch.size())
              .filter(i -> results.get(i).status() != batch.get(i).result().status())
              .count();
      if (differ > 0) {
        LOG.error("{} acknowledged votes were stored otherwise than the voters were told", differ);
      }
    }
  }

  /** Writes each voter's net change and each counter's, checking every row was as decided. */
  private static void writeDecided(Handle handle, List<Accepted> batch) {
    Map<BallotKey, int[]> net = new LinkedHashMap<>();
    Map<Counter, Integer> deltas = new LinkedHashMap<>();
    for (Accepted vote : batch) {
      int before = vote.result().previous().orElse(-1);
      int after = vote.result().current().orElse(-1);
      int[] change = net.get(vote.key());
      if (change == null) {
        net.put(vote.key(), new int[] {before, after});
      } else if (change[1] != before) {
        throw new StaleDecisionException("Two decisions on one vote do not follow each other");
      } else {
        change[1] = after;
      }
      long poll = vote.request().pollId();
      if (before >= 0) {
        deltas.merge(new Counter(poll, before), -1, Integer::sum);
      }
      if (after >= 0) {
        deltas.merge(new Counter(poll, after), 1, Integer::sum);
      }
    }
    List<Long> polls = net.keySet().stream().map(BallotKey::pollId).distinct().toList();
    long open =
        handle
            .createQuery("SELECT COUNT(*) FROM poll WHERE state = 'OPEN' AND id IN (<ids>)")
            .bindList("ids", polls)
            .mapTo(Long.class)
            .one();
    if (open != polls.size()) {
      throw new StaleDecisionException("A poll was closed without waiting for the vote desk");
    }
    PreparedBatch inserts =
        handle.prepareBatch("INSERT INTO vote (poll_id, voter, option_idx) VALUES (:p, :v, :a)");
    PreparedBatch updates =
        handle.prepareBatch(
            "UPDATE vote SET option_idx = :a WHERE poll_id = :p AND voter = :v AND option_idx = :b");
    PreparedBatch deletes =
        handle.prepareBatch(
            "DELETE FROM vote WHERE poll_id = :p AND voter = :v AND option_idx = :b");
    net.forEach(
        (key, change) -> {
          if (change[0] == change[1]) {
            return;
          }
          PreparedBatch rows = change[0] < 0 ? inserts : change[1] < 0 ? deletes : updates;
          rows.bind("p", key.pollId()).bind("v", key.voter().bytes());
          if (change[0] >= 0) {
            rows.bind("b", change[0]);
          }
          if (change[1] >= 0) {
            rows.bind("a", change[1]);
          }
          rows.add();
        });
    PreparedBatch counters =
        handle.prepareBatch(
            "UPDATE poll_option SET votes = votes + :d WHERE poll_id = :p AND idx = :o");
    deltas.forEach(
        (counter, delta) -> {
          if (delta != 0) {
            counters.bind("d", delta).bind("p", counter.pollId()).bind("o", counter.option()).add();
          }
        });
    for (PreparedBatch rows : List.of(inserts, updates, deletes, counters)) {
      if (rows.size() > 0) {
        for (int count : rows.execute()) {
          if (count != 1) {
            throw new StaleDecisionException("A vote or counter was not as the vote desk saw it");
          }
        }
      }
    }
  }

  /** Whether an SQL error in the chain is an integrity constraint violation (SQLSTATE 23xxx). */
  private static boolean violatesConstraint(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /** Stops once every queued vote is stored (or given up on); waits for the thread. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A row was not as the desk decided over; the batch is stored the careful way. */
  private static final class StaleDecisionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleDecisionException(String message) {
      super(message);
    }
  }
}
