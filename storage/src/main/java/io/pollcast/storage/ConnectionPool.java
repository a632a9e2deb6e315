package io.pollcast.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pollcast.config.StorageConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pooled connections to the database, H2 or PostgreSQL: checked once before the pool starts, so
 * that a database out of reach is one clear line, with one connection more than configured for the
 * vote writer, a lock timeout on each, and on H2 the connections to a closed database evicted (see
 * {@link ClosedH2Eviction}).
 *
 * <p>On H2 the URL gains {@code DB_CLOSE_ON_EXIT=FALSE} (unless it says otherwise): a stopping bot
 * closes the database itself, after the commands in hand have finished, and H2's own JVM exit hook
 * must not close it under them. H2 refuses that setting with {@code AUTO_SERVER=TRUE} (the default
 * URL, so that the command line can share the file with the bot); there the bot keeps the JVM's
 * shutdown sequence, and with it H2's hook, from starting before it has closed the database.
 * Whoever closes the database last (the bot, or a command) compacts the file ({@code
 * MAX_COMPACT_TIME}).
 *
 * <p>Thread-safe; close it once.
 */
final class ConnectionPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

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

  /** A connection beyond the configured pool, so that the vote writer never waits for one. */
  private static final int WRITER_CONNECTIONS = 1;

  private final Engine engine;
  private final HikariDataSource pool;

  private ConnectionPool(Engine engine, HikariDataSource pool) {
    this.engine = engine;
    this.pool = pool;
  }

  /**
   * Connects once, then starts the pool.
   *
   * @throws StorageException with one line naming {@code pollcast.storage.url}, the user and the
   *     password's variable if the database cannot be reached or refuses the credentials
   */
  static ConnectionPool open(Engine engine, StorageConfig configured) {
    StorageConfig config =
        engine == Engine.H2
            ? new StorageConfig(
                h2Url(configured.url()),
                configured.user(),
                configured.password(),
                configured.poolSize())
            : configured;
    checkConnection(config);
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("pollcast");
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.poolSize() + WRITER_CONNECTIONS);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(Database.CONNECTION_WAIT.toMillis());
    ClosedH2Eviction eviction = new ClosedH2Eviction();
    if (engine == Engine.H2) {
      hikari.setExceptionOverride(eviction);
    }
    hikari.setConnectionInitSql(
        engine == Engine.H2
            ? "SET LOCK_TIMEOUT " + LOCK_TIMEOUT_MILLIS
            : "SET lock_timeout = " + LOCK_TIMEOUT_MILLIS);
    HikariDataSource pool = new HikariDataSource(hikari);
    eviction.evictFrom(pool);
    return new ConnectionPool(engine, pool);
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
              + StorageException.firstLine(e),
          e);
    }
  }

  /** The pool, for JDBI, the migrations and H2's compaction. */
  HikariDataSource dataSource() {
    return pool;
  }

  /** The JDBC URL the pool connects to, with the settings added on H2. */
  String url() {
    return pool.getJdbcUrl();
  }

  /** Whether a connection can be had within {@code timeout} and is valid, for readiness checks. */
  boolean answers(Duration timeout) {
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

  /**
   * Closes every connection. On H2 the last connection is closed on this thread, so that H2's
   * compaction of the file on close ({@code MAX_COMPACT_TIME}) has finished when this returns: the
   * pool closes its connections on a thread of its own and stops waiting for them after 10 s, which
   * left H2 compacting in the background of whatever came next, or cut off by the end of the
   * process.
   */
  @Override
  public void close() {
    if (engine != Engine.H2) {
      pool.close();
      return;
    }
    try (Connection last =
        DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
      pool.close();
    } catch (SQLException e) {
      LOG.warn("Could not close the H2 database in one go: {}", StorageException.firstLine(e));
      pool.close();
    }
  }
}
