package io.pollcast.storage;

import io.pollcast.config.StorageConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The open database, H2 or PostgreSQL: a {@link ConnectionPool}, the schema brought up to date by
 * the {@link SchemaMigrations} before anything else touches the data, a {@link Jdbi} on top, the
 * {@link VoteWriter} every vote goes through and the stores. Everything reads and writes through
 * the same pool and the same stores on either engine.
 *
 * <p>On H2, every commit is written to the file before the voter is answered ({@code WRITE_DELAY
 * 0}; H2's default of 500 ms loses acknowledged votes when the process is killed). H2's retention
 * time of old page versions stays at its default: with one second instead, processes killed while
 * voting lost their last acknowledged votes in about half of the kill tests.
 *
 * <p>Thread-safe; close it once on shutdown.
 */
public final class Database implements AutoCloseable {
  /**
   * How long a statement waits for a connection before it fails: while the database is out of
   * reach, a click is told to try again after this, not after the pool's default 30 s.
   */
  public static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);

  private final Engine engine;
  private final ConnectionPool pool;
  private final Jdbi jdbi;
  private final VoteWriter votes;
  private final Optional<Path> h2File;
  private final Optional<H2Compaction> compaction;

  private Database(Engine engine, ConnectionPool pool, Jdbi jdbi, Optional<Path> h2File) {
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
  public static Database open(StorageConfig config) {
    Engine engine = Engine.of(config.url());
    ConnectionPool pool = ConnectionPool.open(engine, config);
    try {
      SchemaMigrations.migrate(engine, pool.dataSource(), pool.url());
      Jdbi jdbi = Jdbi.create(pool.dataSource()).installPlugin(new SqlObjectPlugin());
      if (engine == Engine.H2) {
        jdbi.useHandle(
            handle -> {
              handle.execute("SET WRITE_DELAY 0");
            });
      }
      return new Database(engine, pool, jdbi, config.h2File());
    } catch (RuntimeException e) {
      pool.dataSource().close();
      throw e;
    }
  }

  /**
   * Whether the database answers within {@code timeout}, for readiness checks: false when no
   * connection can be had from the pool in time, or the connection is not valid.
   */
  public boolean answers(Duration timeout) {
    return pool.answers(timeout);
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
                Path.of(file + ".mv.db"),
                pool.dataSource(),
                () -> votes.stats().votes(),
                nanoTime));
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
   * Answers the votes still queued (committing them first), then closes every connection; on H2,
   * returns once H2 has compacted its file (see {@link ConnectionPool#close()}).
   */
  @Override
  public void close() {
    votes.close();
    pool.close();
  }
}
