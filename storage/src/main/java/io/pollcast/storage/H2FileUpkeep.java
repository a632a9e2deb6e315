package io.pollcast.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file database's growth in check under sustained voting, on one background thread.
 *
 * <p>H2's store never overwrites data in place: every commit appends a chunk holding the pages it
 * changed, and an old chunk's space is reused only once none of its pages is live any more. Votes
 * land on random keys (keyed pseudonyms), so each commit rewrites pages all over the vote index,
 * while the rows themselves fill pages that stay live for good; almost every chunk thus keeps a few
 * live pages and is never freed. H2 rewrites such chunks in its background writer, but {@code
 * WRITE_DELAY 0}, which the vote path needs to make each commit durable at once, switches that
 * writer off. Measured on this schema, 1,000,000 votes in batches of 1,000 grew the file to 1.3 GB
 * (70 MB of it live, 4% of the chunks' space); H2's retention time alone ({@code SET RETENTION_TIME
 * 0}) changed nothing, and its background writer with a write delay and a {@code CHECKPOINT} after
 * each batch still grew it to 1.5 GB. This class does the upkeep instead:
 *
 * <ul>
 *   <li>every {@value #COMPACT_MILLIS} ms, while less than {@value #TARGET_FILL_PERCENT}% of the
 *       chunks' space is live, it rewrites the live pages of the emptiest old chunks (at most
 *       {@value #COMPACT_BYTES} bytes), so that those chunks can be freed;
 *   <li>every {@value #SYNC_MILLIS} ms it forces the file to the disk. Chunks may only be reused
 *       once they are older than H2's retention time, which assumes that the operating system has
 *       written them out by then; H2's default of 45 s also keeps 45 s of writes in the file.
 *       Forcing the file every second makes the shorter {@value #RETENTION_MILLIS} ms retention
 *       that {@link Database} sets safe, and limits what a power cut can take to about a second.
 * </ul>
 *
 * <p>A compaction run holds up H2's commits of votes while it lasts, and most of its cost is fixed
 * (finding the live pages of the chosen chunks), so the step size trades the database file's size
 * against the vote path's latency. Measured in {@code pollcast bench} runs with 1,000,000 votes: 1
 * MB every 100 ms took 15 to 50 ms per run and left the file at 270 to 380 MB; the 99th percentile
 * of acknowledgement latency at an eighth of the peak rate was 52 to 57 ms. With 256 KB every 25 ms
 * a run takes a few milliseconds, that percentile fell to 22 to 31 ms, and the file was about 500
 * MB after a million votes. At the peak rate compaction does not keep up: after 2,000,000 votes at
 * the peak the file was 1.25 GB, as with the raw limit's plain batches (1.30 GB). The latency
 * figures above are from runs that acknowledged votes after H2's commit; since the {@link VoteDesk}
 * acknowledges them from its journal, a stall delays only H2's copy.
 *
 * <p>Only for an embedded H2 file database; anything else (in memory, another process's server)
 * gets no upkeep. Close it before the connection pool.
 */
final class H2FileUpkeep implements AutoCloseable {
  static final int RETENTION_MILLIS = 5_000;
  static final int COMPACT_MILLIS = 25;
  static final int TARGET_FILL_PERCENT = 50;
  static final int COMPACT_BYTES = 256 << 10;
  static final int SYNC_MILLIS = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(H2FileUpkeep.class);

  private final DataSource pool;
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
    var unusedCompaction =
        scheduler.scheduleWithFixedDelay(
            () -> withStore(store -> store.compact(TARGET_FILL_PERCENT, COMPACT_BYTES)),
            COMPACT_MILLIS,
            COMPACT_MILLIS,
            TimeUnit.MILLISECONDS);
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
