package io.pollcast.storage;

import io.pollcast.config.StorageConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The open database: a connection pool, the schema brought up to date by the versioned migrations
 * under {@code db/migration} before anything else touches the data, and a {@link Jdbi} on top.
 *
 * <p>For H2, commits are made durable at once ({@code WRITE_DELAY 0}): H2's default of 500 ms loses
 * acknowledged commits when the process is killed. An H2 file also gets {@link H2FileUpkeep}, which
 * keeps the file in proportion to the votes it holds and shrinks it once voting stops, and a page
 * cache of {@value #CACHE_KB} KB unless the URL sets {@code CACHE_SIZE}. H2's default grows with
 * the heap (16 MB at 256 MB); with a million votes the vote index never fits either way, and the
 * pages a larger cache holds for a while are what the garbage collector has to copy. In {@code
 * pollcast bench} runs with a 256 MB heap, G1's median pause was 20 to 21 ms with H2's default, 15
 * ms with 8 MB and 9 to 12 ms with 4 MB; the vote path's peak was not lower (16,300 votes/s with
 * the default, 17,300 to 20,600 with 4 MB).
 *
 * <p>Votes go through the {@link VoteDesk}, which acknowledges them before H2 has them. So that
 * nothing read here misses one, every handle of {@link #jdbi()} and every {@link QuickReads} read
 * first waits for the votes acknowledged before it, and polls are closed through {@link #settled}.
 * The desk and its applier use a {@code Jdbi} of their own, without that wait. Thread-safe; close
 * it once on shutdown.
 */
public final class Database implements AutoCloseable {
  /** H2's page cache for a file database, in KB, unless the URL says otherwise. */
  static final int CACHE_KB = 4_096;

  /** Connections beyond the configured pool: one for {@link QuickReads}. */
  private static final int OWN_CONNECTIONS = 1;

  /**
   * The vote path's own connections: the desk keeps one, the applier takes one per commit, the
   * start-up replay one.
   */
  private static final int VOTE_PATH_CONNECTIONS = 3;

  private final JdbcConnectionPool pool;
  private final JdbcConnectionPool votePool;
  private final Jdbi jdbi;
  private final Optional<H2FileUpkeep> upkeep;
  private final VoteDesk votes;
  private final QuickReads quickReads;

  private Database(
      JdbcConnectionPool pool,
      JdbcConnectionPool votePool,
      Jdbi jdbi,
      Optional<H2FileUpkeep> upkeep,
      VoteDesk votes) {
    this.pool = pool;
    this.votePool = votePool;
    this.jdbi = jdbi;
    this.upkeep = upkeep;
    this.votes = votes;
    jdbi.getConfig(Handles.class).addListener(new AwaitAcknowledgedVotes(votes));
    this.quickReads = new QuickReads(jdbi, votes::awaitAcknowledgedVotes);
  }

  /**
   * Opens the database, creating or upgrading the schema, and stores the votes a journal beside it
   * still holds. The pool holds {@value #OWN_CONNECTIONS} connection more than configured, for
   * {@link #quickReads()}. The vote path has a pool of its own ({@value #VOTE_PATH_CONNECTIONS}
   * connections): a read waits for acknowledged votes holding a connection, so readers in a burst
   * could otherwise take every connection H2 needs to store those votes, and wait for good.
   */
  public static Database open(StorageConfig config) {
    return open(config, VoteDesk.READ_WAIT);
  }

  /** As {@link #open(StorageConfig)}, with reads waiting at most {@code readWait}; for tests. */
  static Database open(StorageConfig config, Duration readWait) {
    JdbcConnectionPool pool =
        JdbcConnectionPool.create(config.url(), config.user(), config.password());
    pool.setMaxConnections(config.poolSize() + OWN_CONNECTIONS);
    JdbcConnectionPool votePool =
        JdbcConnectionPool.create(config.url(), config.user(), config.password());
    votePool.setMaxConnections(VOTE_PATH_CONNECTIONS);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration", "classpath:db/migration/common")
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
      EmbeddedH2 kind = EmbeddedH2.of(pool);
      VoteDesk votes =
          VoteDesk.open(
              Jdbi.create(votePool),
              kind,
              kind == EmbeddedH2.FILE ? EmbeddedH2.file(pool) : Optional.empty(),
              readWait);
      return new Database(pool, votePool, jdbi, upkeep, votes);
    } catch (SQLException e) {
      votePool.dispose();
      pool.dispose();
      throw new IllegalStateException("Cannot inspect the database", e);
    } catch (RuntimeException e) {
      votePool.dispose();
      pool.dispose();
      throw e;
    }
  }

  /** The JDBI instance over the pool; handles are taken per call. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The vote path: votes are handed in here, journaled, acknowledged and stored. */
  public VoteDesk votes() {
    return votes;
  }

  /**
   * Runs a change that acknowledged votes must not cross, such as closing polls: see {@link
   * VoteDesk#settled}.
   */
  public <T> T settled(Supplier<T> change) {
    return votes.settled(change);
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

  /** The Slack requests already carried out, so that none is carried out twice. */
  public SlackRequestStore slackRequests() {
    return jdbi.onDemand(SlackRequestStore.class);
  }

  @Override
  public void close() {
    votes.close();
    votePool.dispose();
    quickReads.close();
    upkeep.ifPresent(H2FileUpkeep::close);
    pool.dispose();
  }

  /** Makes every handle of the shared {@code Jdbi} see the votes acknowledged before it opened. */
  private record AwaitAcknowledgedVotes(VoteDesk votes) implements HandleListener {
    @Override
    public void handleCreated(Handle handle) {
      votes.awaitAcknowledgedVotes();
    }
  }
}
