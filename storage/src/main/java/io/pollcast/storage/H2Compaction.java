package io.pollcast.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the space H2's file gains while the bot runs. H2 never overwrites a page in place, and
 * with a commit per vote or per few votes its file grows by several kilobytes per commit (old page
 * versions in chunks that stay partly live); only closing the database compacts it. So while the
 * bot has taken no vote for a while and the file has at least doubled since it was last compacted,
 * this closes the database with H2's {@code SHUTDOWN COMPACT}; the pool then drops its connections
 * and the next statement opens the database again. A statement that meets the closed database in
 * between fails with H2's "database is closed" and is answered as a failed write, never as done.
 *
 * <p>Thread-safe; one per open H2 database.
 */
public final class H2Compaction {
  private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

  /** How long no vote may have been written before the file is compacted. */
  public static final Duration IDLE = Duration.ofMinutes(10);

  /** A file smaller than this is left alone, however much it grew. */
  static final long SMALLEST_BYTES = 16L << 20;

  private final Path file;
  private final HikariDataSource pool;
  private final LongSupplier votesWritten;
  private final LongSupplier nanoTime;
  private long compactedBytes;
  private long lastVotes;
  private long lastVoteSeenNanos;

  H2Compaction(Path file, HikariDataSource pool, LongSupplier votesWritten, LongSupplier nanoTime) {
    this.file = file;
    this.pool = pool;
    this.votesWritten = votesWritten;
    this.nanoTime = nanoTime;
    this.compactedBytes = bytes();
    this.lastVotes = votesWritten.getAsLong();
    this.lastVoteSeenNanos = nanoTime.getAsLong();
  }

  /**
   * What a compaction did.
   *
   * @param bytesBefore the file's size before
   * @param bytesAfter its size after
   * @param duration how long the database was closed for it
   */
  public record Compacted(long bytesBefore, long bytesAfter, Duration duration) {}

  /**
   * Compacts the file if no vote was written for {@link #IDLE} (counted from the calls that saw the
   * last one) and it is at least twice its size after the last compaction, and at least {@value
   * #SMALLEST_BYTES} bytes. Call it now and then, say every minute.
   */
  public synchronized Optional<Compacted> compactIfIdleAndGrown() {
    long now = nanoTime.getAsLong();
    long votes = votesWritten.getAsLong();
    if (votes != lastVotes) {
      lastVotes = votes;
      lastVoteSeenNanos = now;
      return Optional.empty();
    }
    long size = bytes();
    boolean idle = now - lastVoteSeenNanos >= IDLE.toNanos();
    boolean grown = size >= SMALLEST_BYTES && size >= 2 * compactedBytes;
    return idle && grown ? Optional.of(compactNow()) : Optional.empty();
  }

  /** Closes the database with {@code SHUTDOWN COMPACT} now, whatever else is going on. */
  public synchronized Compacted compactNow() {
    long before = bytes();
    long start = System.nanoTime();
    try {
      shutDownCompact();
    } finally {
      pool.getHikariPoolMXBean().softEvictConnections();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    compactedBytes = bytes();
    LOG.info(
        "Compacted the H2 database from {} to {} MiB in {} ms",
        before >> 20,
        compactedBytes >> 20,
        took.toMillis());
    return new Compacted(before, compactedBytes, took);
  }

  private void shutDownCompact() {
    Connection connection;
    try {
      connection = pool.getConnection();
    } catch (SQLException e) {
      throw new StorageException("Could not compact the H2 database: " + e.getMessage(), e);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN COMPACT");
    } catch (SQLException e) {
      throw new StorageException("Could not compact the H2 database: " + e.getMessage(), e);
    } finally {
      closeDead(connection);
    }
  }

  /** Hands back a connection whose database was just shut down: the pool drops it. */
  private static void closeDead(Connection connection) {
    try {
      connection.close();
    } catch (SQLException expected) {
      LOG.debug("A connection closed with the database: {}", expected.getMessage());
    }
  }

  private long bytes() {
    try {
      return Files.exists(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
