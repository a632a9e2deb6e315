package io.pollcast.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.pollcast.config.StorageConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open database, H2 or PostgreSQL: a connection pool, the schema brought up to date by the
 * versioned migrations before anything else touches the data, a {@link Jdbi} on top, and the {@link
 * VoteWriter} every vote goes through. Everything reads and writes through the same pool and the
 * same stores on either engine.
 *
 * <p>On H2, every commit is written to the file before the voter is answered ({@code WRITE_DELAY
 * 0}; H2's default of 500 ms loses acknowledged votes when the process is killed). H2's retention
 * time of old page versions stays at its default: with one second instead, processes killed while
 * voting lost their last acknowledged votes in about half of the kill tests. H2's own JVM exit hook
 * is turned off ({@code DB_CLOSE_ON_EXIT=FALSE}, unless the URL says otherwise): a stopping bot
 * closes the database itself, after the commands in hand have finished, and H2 must not close it
 * under them. H2 refuses that setting with {@code AUTO_SERVER=TRUE} (the default URL, so that the
 * command line can share the file with the bot); there the bot keeps the JVM's shutdown sequence,
 * and with it H2's hook, from starting before it has closed the database. Whoever closes the
 * database last (the bot, or a command) compacts the file ({@code MAX_COMPACT_TIME}).
 *
 * <p>Thread-safe; close it once on shutdown.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /**
   * How long a statement waits for a row another transaction holds (a vote batch for a close, say)
   * before it fails, in ms: H2's default of one second is shorter than a slow moment of a busy
   * machine, PostgreSQL's default is to wait for ever.
   */
  static final int LOCK_TIMEOUT_MILLIS = 10_000;

  /**
   * How long H2 may compact its file when the database closes, in ms; H2's default is 200. H2 keeps
   * old versions of pages for its retention time (45 s), so a burst of votes leaves a file many
   * times the size of its data (1.6 GB after a million votes in a minute), which only a compaction
   * gives back.
   */
  static final int H2_COMPACT_ON_CLOSE_MILLIS = 30_000;

  /**
   * How long a statement waits for a connection before it fails: while the database is out of
   * reach, a click is told to try again after this, not after the pool's default 30 s.
   */
  public static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);

  /** A connection beyond the configured pool, so that the vote writer never waits for one. */
  private static final int WRITER_CONNECTIONS = 1;

  private final Engine engine;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final VoteWriter votes;
  private final Optional<Path> h2File;
  private final Optional<H2Compaction> compaction;

  private Database(Engine engine, HikariDataSource pool, Jdbi jdbi, Optional<Path> h2File) {
    this.engine = engine;
    this.pool = pool;
    this.jdbi = jdbi;
    this.votes = new VoteWriter(jdbi);
    this.h2File = h2File;
    this.compaction = compaction(System::nanoTime);
  }

  /**
   * Opens the database, creating or upgrading the schema.
   *
   * @throws StorageException with one line naming {@code pollcast.storage.url} (or the user and
   *     password) if the database cannot be reached, refuses the credentials, or has a schema newer
   *     than this Pollcast knows
   */
  public static Database open(StorageConfig configured) {
    Engine engine = Engine.of(configured.url());
    StorageConfig config =
        engine == Engine.H2
            ? new StorageConfig(
                h2Url(configured.url()),
                configured.user(),
                configured.password(),
                configured.poolSize())
            : configured;
    HikariDataSource pool = pool(config);
    try {
      migrate(engine, pool, config.url());
      Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
      if (engine == Engine.H2) {
        jdbi.useHandle(
            handle -> {
              handle.execute("SET WRITE_DELAY 0");
            });
      }
      return new Database(engine, pool, jdbi, config.h2File());
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * An H2 URL with {@code DB_CLOSE_ON_EXIT=FALSE} added, unless it sets that already or asks for
   * {@code AUTO_SERVER=TRUE}, with which H2 refuses it; and with {@code MAX_COMPACT_TIME}, unless
   * it sets that.
   */
  static String h2Url(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    String h2 = url;
    if (!upper.contains(";DB_CLOSE_ON_EXIT=") && !upper.contains(";AUTO_SERVER=TRUE")) {
      h2 += ";DB_CLOSE_ON_EXIT=FALSE";
    }
    if (!upper.contains(";MAX_COMPACT_TIME=")) {
      h2 += ";MAX_COMPACT_TIME=" + H2_COMPACT_ON_CLOSE_MILLIS;
    }
    return h2;
  }

  private static HikariDataSource pool(StorageConfig config) {
    checkConnection(config);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("pollcast");
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize() + WRITER_CONNECTIONS);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(CONNECTION_WAIT.toMillis());
    ClosedH2Eviction eviction = new ClosedH2Eviction();
    if (Engine.of(config.url()) == Engine.H2) {
      hikari.setExceptionOverride(eviction);
    }
    hikari.setConnectionInitSql(
        Engine.of(config.url()) == Engine.H2
            ? "SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS
            : "SET lock_timeout = " + LOCK_TIMEOUT_MILLIS);
    HikariDataSource pool = new HikariDataSource(hikari);
    eviction.pool = pool;
    return pool;
  }

  /** Connects once, so that a database out of reach is one clear line rather than a pool's log. */
  private static void checkConnection(StorageConfig config) {
    try (Connection connection =
        DriverManager.getConnection(config.url(), config.user(), config.password())) {
      connection.isValid(1);
    } catch (SQLException e) {
      throw new StorageException(
          "Cannot open the database at "
              + Redaction.url(config.url())
              + " as user \""
              + config.user()
              + "\" (pollcast.storage.url, pollcast.storage.user, POLLCAST_DB_PASSWORD): "
              + firstLine(e.getMessage()),
          e);
    }
  }

  private static void migrate(Engine engine, HikariDataSource pool, String url) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(pool)
            .locations("classpath:db/migration/common", engine.migrations())
            .failOnMissingLocations(true)
            .load();
    MigrationInfo current = flyway.info().current();
    MigrationVersion known = newestKnown(flyway);
    if (current != null
        && current.getVersion() != null
        && current.getVersion().isNewerThan(known.getVersion())) {
      throw new StorageException(
          "The database at "
              + Redaction.url(url)
              + " (pollcast.storage.url) has schema version "
              + current.getVersion()
              + ", newer than this Pollcast knows ("
              + known
              + "): run a newer Pollcast on it, or point pollcast.storage.url elsewhere.");
    }
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StorageException(
          "Cannot bring the database at "
              + Redaction.url(url)
              + " (pollcast.storage.url) up to date: "
              + firstLine(e.getMessage()),
          e);
    }
  }

  private static MigrationVersion newestKnown(Flyway flyway) {
    MigrationVersion newest = MigrationVersion.EMPTY;
    for (MigrationInfo info : flyway.info().all()) {
      boolean local = info.getState().isResolved();
      if (local
          && info.getVersion() != null
          && info.getVersion().isNewerThan(newest.getVersion())) {
        newest = info.getVersion();
      }
    }
    return newest;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    String trimmed = message.strip();
    int end = trimmed.indexOf('\n');
    return end < 0 ? trimmed : trimmed.substring(0, end);
  }

  /**
   * Whether the database answers within {@code timeout}, for readiness checks: false when no
   * connection can be had from the pool in time, or the connection is not valid.
   */
  public boolean answers(Duration timeout) {
    CompletableFuture<Boolean> check =
        CompletableFuture.supplyAsync(
            () -> {
              try (Connection connection = pool.getConnection()) {
                return connection.isValid((int) Math.max(1, timeout.toSeconds()));
              } catch (SQLException e) {
                return false;
              }
            });
    try {
      return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Which engine this is. */
  public Engine engine() {
    return engine;
  }

  /** The JDBI instance over the pool; handles are taken per call. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The vote path: votes are handed in here and answered once committed. */
  public VoteWriter votes() {
    return votes;
  }

  /**
   * The compaction of H2's file while the bot runs (see {@link H2Compaction}); empty on PostgreSQL,
   * whose autovacuum reuses the space of old row versions, and for an H2 database in memory.
   */
  public Optional<H2Compaction> h2Compaction() {
    return compaction;
  }

  /** A compaction of this database's H2 file that reads the time from {@code nanoTime}. */
  Optional<H2Compaction> compaction(LongSupplier nanoTime) {
    return h2File.map(
        file ->
            new H2Compaction(
                Path.of(file + ".mv.db"), pool, () -> votes.stats().votes(), nanoTime));
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

  /** The Slack requests already carried out, so that none is carried out twice. */
  public SlackRequestStore slackRequests() {
    return jdbi.onDemand(SlackRequestStore.class);
  }

  /** Leases that one of the processes sharing the database holds at a time. */
  public LeaseStore leases() {
    return jdbi.onDemand(LeaseStore.class);
  }

  /** The rounds of debate polls. */
  public DebateStore debates() {
    return jdbi.onDemand(DebateStore.class);
  }

  /** Where the hosts stand on theses. */
  public StanceStore stances() {
    return jdbi.onDemand(StanceStore.class);
  }

  /** Members' reasons for their votes. */
  public ReasonStore reasons() {
    return jdbi.onDemand(ReasonStore.class);
  }

  /** The episodes imported from the podcast's feed and what each new one asks for. */
  public FeedStore feed() {
    return jdbi.onDemand(FeedStore.class);
  }

  /**
   * Answers the votes still queued (committing them first), then closes every connection. On H2 the
   * last connection is closed on this thread, so that H2's compaction of the file on close ({@code
   * MAX_COMPACT_TIME}) has finished when this returns: the pool closes its connections on a thread
   * of its own and stops waiting for them after 10 s, which left H2 compacting in the background of
   * whatever came next, or cut off by the end of the process.
   */
  @Override
  public void close() {
    votes.close();
    if (engine != Engine.H2) {
      pool.close();
      return;
    }
    try (Connection last =
        DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
      pool.close();
    } catch (SQLException e) {
      LOG.warn("Could not close the H2 database in one go: {}", firstLine(e.getMessage()));
      pool.close();
    }
  }

  /**
   * H2 closes an embedded database when it cannot write its file (a full disk): every connection to
   * it then fails with "The database has been closed", an error the pool would not take as a broken
   * connection. This one makes the pool drop such a connection, so that the next statement opens
   * the database afresh, which succeeds once there is room again. The pool's other connections lead
   * to the same closed database, so they are replaced too (those in use when they come back).
   */
  private static final class ClosedH2Eviction implements SQLExceptionOverride {
    /** H2's {@code ErrorCode.DATABASE_IS_CLOSED}. */
    private static final int DATABASE_IS_CLOSED = 90098;

    private volatile HikariDataSource pool;

    @java.lang.Override
    public Override adjudicate(SQLException e) {
      if (e.getErrorCode() != DATABASE_IS_CLOSED) {
        return Override.CONTINUE_EVICT;
      }
      HikariDataSource connections = pool;
      if (connections != null && connections.getHikariPoolMXBean() != null) {
        connections.getHikariPoolMXBean().softEvictConnections();
      }
      return Override.MUST_EVICT;
    }
  }
}
