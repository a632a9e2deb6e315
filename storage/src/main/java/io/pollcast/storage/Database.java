package io.pollcast.storage;

import io.pollcast.config.StorageConfig;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The open database: a connection pool, the schema brought up to date by the versioned migrations
 * under {@code db/migration} before anything else touches the data, and a {@link Jdbi} on top.
 *
 * <p>For H2, commits are made durable at once ({@code WRITE_DELAY 0}): H2's default of 500 ms loses
 * acknowledged commits when the process is killed. An H2 file also gets {@link H2FileUpkeep}, which
 * keeps the file bounded under sustained voting, and a page cache of {@value #CACHE_KB} KB unless
 * the URL sets {@code CACHE_SIZE}. H2's default grows with the heap (16 MB at 256 MB); with a
 * million votes the vote index never fits either way, and the pages a larger cache holds for a
 * while are what the garbage collector has to copy. In {@code pollcast bench} runs with a 256 MB
 * heap, G1's median pause was 20 to 21 ms with H2's default, 15 ms with 8 MB and 9 to 12 ms with 4
 * MB; the vote path's peak was not lower (16,300 votes/s with the default, 17,300 to 20,600 with 4
 * MB). Thread-safe; close it once on shutdown.
 */
public final class Database implements AutoCloseable {
  /** H2's page cache for a file database, in KB, unless the URL says otherwise. */
  static final int CACHE_KB = 4_096;

  private final JdbcConnectionPool pool;
  private final Jdbi jdbi;
  private final Optional<H2FileUpkeep> upkeep;
  private final QuickReads quickReads;

  private Database(JdbcConnectionPool pool, Jdbi jdbi, Optional<H2FileUpkeep> upkeep) {
    this.pool = pool;
    this.jdbi = jdbi;
    this.upkeep = upkeep;
    this.quickReads = new QuickReads(jdbi);
  }

  /**
   * Opens the database, creating or upgrading the schema. The pool holds one connection more than
   * configured: {@link #quickReads()} keeps it.
   */
  public static Database open(StorageConfig config) {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(config.url(), config.user(), config.password());
    pool.setMaxConnections(config.poolSize() + 1);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
      Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
      Optional<H2FileUpkeep> upkeep = Optional.empty();
      if (config.url().startsWith("jdbc:h2:")) {
        jdbi.useHandle(handle -> handle.execute("SET WRITE_DELAY 0"));
        upkeep = H2FileUpkeep.start(pool);
        if (upkeep.isPresent()) {
          jdbi.useHandle(
              handle -> handle.execute("SET RETENTION_TIME " + H2FileUpkeep.RETENTION_MILLIS));
          if (!config.url().toUpperCase(Locale.ROOT).contains(";CACHE_SIZE=")) {
            jdbi.useHandle(handle -> handle.execute("SET CACHE_SIZE " + CACHE_KB));
          }
        }
      }
      return new Database(pool, jdbi, upkeep);
    } catch (RuntimeException e) {
      pool.dispose();
      throw e;
    }
  }

  /** The JDBI instance over the pool; handles are taken per call. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** Tallies and live counts, read on a handle kept open for them. */
  public QuickReads quickReads() {
    return quickReads;
  }

  /** Episodes and theses. */
  public EpisodeStore episodes() {
    return jdbi.onDemand(EpisodeStore.class);
  }

  /** Polls, their options and tallies. */
  public PollStore polls() {
    return jdbi.onDemand(PollStore.class);
  }

  /** Closing, reopening and reminders, with the announcements every close queues. */
  public ClosingStore closing() {
    return jdbi.onDemand(ClosingStore.class);
  }

  /** The outbox of results announcements. */
  public AnnouncementStore announcements() {
    return jdbi.onDemand(AnnouncementStore.class);
  }

  /** The voter key's fingerprint and the removal of voters' rows. */
  public PrivacyStore privacy() {
    return jdbi.onDemand(PrivacyStore.class);
  }

  /** The audit log of hosts' and moderators' actions. */
  public AuditStore audit() {
    return jdbi.onDemand(AuditStore.class);
  }

  @Override
  public void close() {
    quickReads.close();
    upkeep.ifPresent(H2FileUpkeep::close);
    pool.dispose();
  }
}
