package io.pollcast.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file database's size in check under sustained voting and shrinks it once voting
 * stops, on one background thread.
 *
 * <p>H2's store never overwrites data in place: every commit appends a chunk holding the pages it
 * changed, and an old chunk's space is reused only once none of its pages is live any more and it
 * is older than H2's retention time. Votes land on random keys (keyed pseudonyms), so each commit
 * rewrites pages all over the vote index, while the rows themselves fill pages that stay live for
 * good; almost every chunk thus keeps a few live pages and is never freed unless they are moved. H2
 * moves them in its background writer, but {@code WRITE_DELAY 0}, which makes each commit durable
 * at once, switches that writer off, and so nothing moved them either while votes came in or once
 * they stopped. This class does that work instead, in a step every {@value #STEP_MILLIS} ms:
 *
 * <ul>
 *   <li>while commits come in, and less than {@value #BUSY_FILL_PERCENT}% of the chunks' space is
 *       live, it rewrites the live pages of the emptiest old chunks (at most {@value
 *       #BUSY_COMPACT_BYTES} bytes); the next commit stores them, and the old chunks are freed. A
 *       step holds up H2's commits and takes CPU from the votes, so it waits until there is much to
 *       gain; measured in {@code pollcast bench} runs, compacting up to 50% in steps of 1 MB kept
 *       the file at 203 to 207 MB after a million votes at the peak but slowed the raw limit to
 *       16,200 to 18,400 votes/s and put the 99th percentile of acknowledgements at half the peak
 *       at 13 to 19.5 ms; up to 50% in steps of 256 KB, 494 MB, 23,600 votes/s and 8.2 ms; up to
 *       25% in steps of 1 MB (what it does), 247 and 251 MB, 21,600 and 27,700 votes/s, 10.3 and
 *       9.8 ms;
 *   <li>once no commit came for {@value #QUIET_MILLIS} ms, it compacts up to {@value
 *       #FILL_PERCENT}% in larger steps and stores what it rewrote itself, as nobody else will;
 *       then, while less than {@value #MOVE_BELOW_FILE_FILL_PERCENT}% of the file is in use, it
 *       moves chunks from the end of the file into the holes before them, so that the file shrinks,
 *       as long as that frees space;
 *   <li>every {@value #SYNC_MILLIS} ms it forces the file to the disk. Chunks may only be reused
 *       once they are older than H2's retention time, which assumes that the operating system has
 *       written them out by then; H2's default of 45 s also keeps 45 s of writes in the file, at
 *       the peak rate hundreds of megabytes. Forcing the file twice a second makes the retention of
 *       {@value #RETENTION_MILLIS} ms that {@link Database} sets safe (it was 5 s; at the peak H2
 *       writes some 45 chunks of about 1.5 MB a second, so 5 s kept some 300 MB of chunks that
 *       could not be reused yet), and limits what a power cut can take to well under a second of
 *       H2's writes.
 * </ul>
 *
 * <p>While votes arrive at the peak rate, the file holds the chunks of the last {@value
 * #RETENTION_MILLIS} ms that may not be reused yet and the live pages compaction has not moved yet,
 * so it grows with the number of stored votes and levels off when voters change their votes rather
 * than add new ones; see {@code README.md}, Performance, for the figures. A compaction step holds
 * up H2's commits while it lasts; since the {@link VoteDesk} acknowledges votes from its journal,
 * that delays only H2's copy.
 *
 * <p>Only for an embedded H2 file database; anything else (in memory, another process's server)
 * gets no upkeep. Close it before the connection pool.
 */
final class H2FileUpkeep implements AutoCloseable {
  static final int RETENTION_MILLIS = 1_000;
  static final int STEP_MILLIS = 25;
  static final int FILL_PERCENT = 50;
  static final int BUSY_FILL_PERCENT = 25;
  static final int BUSY_COMPACT_BYTES = 1 << 20;
  static final int QUIET_MILLIS = 1_000;
  static final int QUIET_COMPACT_BYTES = 4 << 20;
  static final int MOVE_BELOW_FILE_FILL_PERCENT = 60;
  static final long MOVE_BYTES = 16 << 20;
  static final int MAX_FRUITLESS_MOVES = 4;
  static final int REST_BUDGET_FILES = 2;
  static final int SYNC_MILLIS = 500;

  private static final Logger LOG = LoggerFactory.getLogger(H2FileUpkeep.class);

  private final DataSource pool;
  private long lastVersion = -1;
  private long lastCommit = System.nanoTime();
  private int fruitlessMoves;
  private long restBudget = -1;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "pollcast-h2-upkeep");
            thread.setDaemon(true);
            return thread;
          });

  private H2FileUpkeep(DataSource pool) {
    this.pool = pool;
    // both run until close(); withStore() logs and swallows what a run throws, so none is lost
    var unusedSteps =
        scheduler.scheduleWithFixedDelay(
            () -> withStore(this::step), STEP_MILLIS, STEP_MILLIS, TimeUnit.MILLISECONDS);
    var unusedSync =
        scheduler.scheduleWithFixedDelay(
            () -> withStore(MVStore::sync), SYNC_MILLIS, SYNC_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Starts the upkeep if the pool's database is an H2 file opened in this process. */
  static Optional<H2FileUpkeep> start(DataSource pool) {
    try (Connection connection = pool.getConnection()) {
      return EmbeddedH2.store(connection).map(store -> new H2FileUpkeep(pool));
    } catch (SQLException e) {
      LOG.warn("Cannot inspect the database; its file gets no upkeep", e);
      return Optional.empty();
    }
  }

  /** One step; only ever on the upkeep thread, which alone touches the fields below. */
  private void step(MVStore store) {
    long now = System.nanoTime();
    long version = store.getCurrentVersion();
    if (version != lastVersion) {
      lastVersion = version;
      lastCommit = now;
      fruitlessMoves = 0;
      restBudget = -1;
    }
    if (now - lastCommit < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
      store.compact(BUSY_FILL_PERCENT, BUSY_COMPACT_BYTES);
    } else {
      tidyAtRest(store);
      lastVersion = store.getCurrentVersion(); // this class's own commits do not end the quiet
    }
  }

  /**
   * Compacts and stores what it rewrote, then moves chunks. Both stop on their own: compaction
   * after rewriting {@value #REST_BUDGET_FILES} times the file's size, should it never reach its
   * target, and moving after {@value #MAX_FRUITLESS_MOVES} moves that freed nothing; the next
   * commit of anyone else starts them again.
   */
  private void tidyAtRest(MVStore store) {
    if (restBudget < 0) {
      restBudget = REST_BUDGET_FILES * store.getFileStore().size();
    }
    if (restBudget > 0 && store.compact(FILL_PERCENT, QUIET_COMPACT_BYTES)) {
      restBudget = Math.max(0, restBudget - QUIET_COMPACT_BYTES);
    }
    if (store.hasUnsavedChanges()) {
      store.commit();
    } else if (fruitlessMoves < MAX_FRUITLESS_MOVES
        && store.getFillRate() < MOVE_BELOW_FILE_FILL_PERCENT
        && store.getFileStore() instanceof RandomAccessStore file) {
      long sizeBefore = file.size();
      int fillBefore = file.getFillRate();
      file.compactMoveChunks(100, MOVE_BYTES, store);
      // a move may grow the file for a while, so a few that neither shrink nor fill it may pass
      boolean freed = file.size() < sizeBefore || file.getFillRate() > fillBefore;
      fruitlessMoves = freed ? 0 : fruitlessMoves + 1;
    }
  }

  private interface StoreWork {
    void run(MVStore store);
  }

  private void withStore(StoreWork work) {
    try (Connection connection = pool.getConnection()) {
      EmbeddedH2.store(connection).ifPresent(work::run);
    } catch (SQLException | RuntimeException e) {
      // the database is closing, or briefly unavailable: the next run tries again
      LOG.debug("Database file upkeep skipped", e);
    }
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Database file upkeep did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
