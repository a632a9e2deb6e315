package io.pollcast;

import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Platform;
import io.pollcast.feed.FeedActions;
import io.pollcast.feed.FeedFollower;
import io.pollcast.feed.FeedWatcher;
import io.pollcast.poll.LiveCounts;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollScheduler;
import io.pollcast.privacy.Retention;
import io.pollcast.privacy.RetentionJob;
import io.pollcast.routine.LeaseKeeper;
import io.pollcast.routine.Routine;
import io.pollcast.routine.Routines;
import io.pollcast.routine.SoleTurn;
import io.pollcast.storage.AnnouncementStore;
import io.pollcast.storage.Database;
import io.pollcast.text.TextRenderer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The core's scheduled work, on one runner of routines: the poll scheduler (closing, reminders,
 * announcements), the live counts, the retention job and, when {@code pollcast.feed.url} is set,
 * the feed watcher. The retention job runs as soon as it is built, for one-shot commands too; the
 * scheduler, the feed watcher and the H2 compaction start only when a bot runs ({@link #start}).
 * Closed together, before the database.
 */
final class CoreRoutines implements AutoCloseable {
  private static final Duration RETENTION_PERIOD = Duration.ofHours(1);

  /**
   * The poll scheduler, the retention job, the feed check and the live counts each get a thread.
   */
  private static final int ROUTINE_THREADS = 4;

  /** How often the bot looks whether its H2 file is due for a compaction. */
  private static final Duration COMPACTION_CHECK = Duration.ofMinutes(1);

  private final Database database;
  private final Routines routines;
  private final PollScheduler scheduler;
  private final Optional<LiveCounts> liveCounts;
  private final RetentionJob retention;
  private final Optional<FeedWatcher> feed;

  private CoreRoutines(
      Database database,
      Routines routines,
      PollScheduler scheduler,
      Optional<LiveCounts> liveCounts,
      RetentionJob retention,
      Optional<FeedWatcher> feed) {
    this.database = database;
    this.routines = routines;
    this.scheduler = scheduler;
    this.liveCounts = liveCounts;
    this.retention = retention;
    this.feed = feed;
  }

  /** A runner for the core's routines; the live counts are built on it before the rest. */
  static Routines newRunner() {
    return new Routines("pollcast-routine", ROUTINE_THREADS);
  }

  /**
   * A name for this process among those sharing the database, under which it holds leases and
   * claims work: host name and a random part.
   */
  static String newInstanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "pollcast";
    }
    String random = UUID.randomUUID().toString().substring(0, 8);
    String shortHost = host.length() > 40 ? host.substring(0, 40) : host;
    return shortHost + "-" + random;
  }

  /**
   * Builds the scheduled work of the core on {@code routines}, which it closes when closed, and
   * removes the per-voter rows past the retention time before returning. If that fails, closes what
   * it built and the runner, and throws.
   */
  static CoreRoutines build(
      PollcastConfig config,
      Database database,
      Map<Platform, PollPublisher> publishers,
      PollWiring polls,
      TextRenderer texts,
      Routines routines,
      Clock clock,
      String instance) {
    PollScheduler scheduler =
        new PollScheduler(
            database,
            polls.announcer(),
            config.polls(),
            publishers,
            polls.catalog(),
            polls.rounds(),
            clock,
            routines,
            new LeaseKeeper(
                database.leases(),
                AnnouncementStore.processLease(instance),
                instance,
                LeaseKeeper.NOTHING,
                routines));
    RetentionJob retention;
    try {
      retention =
          RetentionJob.start(
              new Retention(database.privacy(), config.privacy().retention(), clock),
              RETENTION_PERIOD,
              new SoleTurn(database.leases(), "retention", instance, RETENTION_PERIOD),
              routines);
    } catch (RuntimeException e) {
      scheduler.close();
      polls.liveCounts().ifPresent(LiveCounts::close);
      routines.close();
      throw e;
    }
    Optional<FeedWatcher> feed =
        config
            .feed()
            .url()
            .map(
                url ->
                    new FeedWatcher(
                        new FeedFollower(
                            url,
                            polls.service(),
                            database,
                            config.feed(),
                            new FeedActions(
                                polls.service(), database, publishers, texts.messages(), clock),
                            texts,
                            clock),
                        config.feed().interval(),
                        new SoleTurn(database.leases(), "feed", instance, config.feed().interval()),
                        routines));
    return new CoreRoutines(database, routines, scheduler, polls.liveCounts(), retention, feed);
  }

  /**
   * Starts closing polls when due, following the feed when one is set and, on an H2 file,
   * compacting it when the bot sits idle.
   */
  void start() {
    scheduler.start();
    feed.ifPresent(FeedWatcher::start);
    database
        .h2Compaction()
        .ifPresent(
            compaction ->
                routines.start(
                    Routine.every(
                        "H2 compaction", COMPACTION_CHECK, compaction::compactIfIdleAndGrown)));
  }

  Routines runner() {
    return routines;
  }

  PollScheduler scheduler() {
    return scheduler;
  }

  Optional<FeedWatcher> feed() {
    return feed;
  }

  @Override
  public void close() {
    feed.ifPresent(FeedWatcher::close);
    retention.close();
    scheduler.close();
    liveCounts.ifPresent(LiveCounts::close);
    routines.close();
  }
}
