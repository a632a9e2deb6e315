package io.pollcast;

import io.pollcast.chart.ResultsChartRenderer;
import io.pollcast.command.CommandHandler;
import io.pollcast.command.InteractionGate;
import io.pollcast.command.WebLinks;
import io.pollcast.config.LiveResults;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Platform;
import io.pollcast.feed.FeedActions;
import io.pollcast.feed.FeedFollower;
import io.pollcast.feed.FeedWatcher;
import io.pollcast.metrics.PollcastMetrics;
import io.pollcast.poll.AnnouncementDeliverer;
import io.pollcast.poll.ClosingTimeResolver;
import io.pollcast.poll.CountsOnMessages;
import io.pollcast.poll.DebateRounds;
import io.pollcast.poll.EpisodeImporter;
import io.pollcast.poll.LiveCounts;
import io.pollcast.poll.PollCatalog;
import io.pollcast.poll.PollLifecycle;
import io.pollcast.poll.PollMessageLocks;
import io.pollcast.poll.PollPoster;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollScheduler;
import io.pollcast.poll.PollService;
import io.pollcast.poll.PollViews;
import io.pollcast.poll.ReasonDesk;
import io.pollcast.poll.ResultsQuery;
import io.pollcast.poll.VoteIntake;
import io.pollcast.privacy.AuditLog;
import io.pollcast.privacy.PersonalData;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.privacy.Retention;
import io.pollcast.privacy.RetentionJob;
import io.pollcast.privacy.VoterKeyGuard;
import io.pollcast.privacy.VoterKeyMismatchException;
import io.pollcast.routine.LeaseKeeper;
import io.pollcast.routine.Routines;
import io.pollcast.routine.SoleTurn;
import io.pollcast.storage.AnnouncementStore;
import io.pollcast.storage.Database;
import io.pollcast.storage.VoteWriter;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The composition root: builds the object graph with constructors, in the order start-up needs it
 * (database with its vote desk and migrations, the voter key check, pseudonyms, announcement
 * deliverer, poll service, scheduler, command handler, retention job, feed watcher), and closes it
 * in reverse. Platform adapters are built around it by {@link BotRunner}, which also starts the
 * scheduler and the feed watcher; one-shot commands never do.
 */
public final class Pollcast implements AutoCloseable {
  private static final Duration RETENTION_PERIOD = Duration.ofHours(1);

  /**
   * The poll scheduler, the retention job, the feed check and the live counts each get a thread.
   */
  private static final int ROUTINE_THREADS = 4;

  private static final int THROWAWAY_KEY_BYTES = 32;

  /** Live counts on poll messages are refreshed at most this often. */
  private static final Duration LIVE_COUNTS_PERIOD = Duration.ofSeconds(1);

  private final Database database;
  private final PollService service;
  private final VoteIntake votes;
  private final ReasonDesk reasons;
  private final PollScheduler scheduler;
  private final Optional<LiveCounts> liveCounts;
  private final Routines routines;
  private final TextRenderer texts;
  private final CommandHandler handler;
  private final InteractionGate gate = new InteractionGate();
  private final PollcastMetrics metrics;
  private final RetentionJob retention;
  private final Optional<FeedWatcher> feed;
  private final String instance;

  private Pollcast(
      Database database,
      PollService service,
      VoteIntake votes,
      ReasonDesk reasons,
      PollScheduler scheduler,
      Optional<LiveCounts> liveCounts,
      Routines routines,
      TextRenderer texts,
      RetentionJob retention,
      Optional<FeedWatcher> feed,
      PollcastMetrics metrics,
      String instance,
      WebLinks links) {
    this.database = database;
    this.metrics = metrics;
    this.instance = instance;
    this.service = service;
    this.votes = votes;
    this.reasons = reasons;
    this.scheduler = scheduler;
    this.liveCounts = liveCounts;
    this.routines = routines;
    this.texts = texts;
    this.handler = new CommandHandler(service, votes, reasons, texts, gate, metrics, links);
    this.retention = retention;
    this.feed = feed;
    metrics.watch(database);
  }

  /**
   * Opens the database (migrating it) and wires the core. Removes the per-voter rows that are past
   * the retention time before returning, and again every hour until closed.
   *
   * @param voterKey the secret key for voter pseudonyms
   * @param publishers one publisher per platform the bot posts on
   * @throws VoterKeyMismatchException if polls are open that were started with another key
   */
  public static Pollcast open(
      PollcastConfig config,
      byte[] voterKey,
      Clock clock,
      Map<Platform, PollPublisher> publishers) {
    return open(config, voterKey, clock, publishers, new PollcastMetrics(), WebLinks.OFF, true);
  }

  /**
   * As {@link #open(PollcastConfig, byte[], Clock, Map)}, counting into {@code metrics}, which the
   * platform adapters were built with too; closing the core closes them.
   */
  public static Pollcast open(
      PollcastConfig config,
      byte[] voterKey,
      Clock clock,
      Map<Platform, PollPublisher> publishers,
      PollcastMetrics metrics) {
    return open(config, voterKey, clock, publishers, metrics, WebLinks.OFF, true);
  }

  /**
   * As {@link #open(PollcastConfig, byte[], Clock, Map)}, with {@code links} answering {@code /poll
   * dashboard} and {@code /poll overlay}.
   */
  public static Pollcast open(
      PollcastConfig config,
      byte[] voterKey,
      Clock clock,
      Map<Platform, PollPublisher> publishers,
      WebLinks links) {
    return open(config, voterKey, clock, publishers, new PollcastMetrics(), links, true);
  }

  /**
   * As {@link #open(PollcastConfig, byte[], Clock, Map, PollcastMetrics)}, with dashboard links.
   */
  public static Pollcast open(
      PollcastConfig config,
      byte[] voterKey,
      Clock clock,
      Map<Platform, PollPublisher> publishers,
      PollcastMetrics metrics,
      WebLinks links) {
    return open(config, voterKey, clock, publishers, metrics, links, true);
  }

  /**
   * Opens the core for a command that only reads (tally, episodes, chart, audit): it needs no voter
   * key, so none is read, created or checked; the pseudonyms are keyed with a throwaway key that
   * such a command never uses. Posts nowhere.
   */
  public static Pollcast openForReading(PollcastConfig config, Clock clock) {
    byte[] throwaway = new byte[THROWAWAY_KEY_BYTES];
    new SecureRandom().nextBytes(throwaway);
    return open(config, throwaway, clock, Map.of(), new PollcastMetrics(), WebLinks.OFF, false);
  }

  private static Pollcast open(
      PollcastConfig config,
      byte[] voterKey,
      Clock clock,
      Map<Platform, PollPublisher> publishers,
      PollcastMetrics metrics,
      WebLinks links,
      boolean checkKey) {
    Database database = Database.open(config.storage());
    Pseudonymizer pseudonyms = new Pseudonymizer(voterKey);
    try {
      if (checkKey) {
        new VoterKeyGuard(database.privacy(), pseudonyms.keyFingerprint(), clock).checkAtStartUp();
      }
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    TextRenderer texts = texts(config);
    String instance = newInstanceId();
    Routines routines = new Routines("pollcast-routine", ROUTINE_THREADS);
    PollCatalog catalog = new PollCatalog(database.polls());
    PollViews views = new PollViews(database, catalog, config.polls());
    ResultsQuery results = new ResultsQuery(database, config.polls().stanceNames());
    PollMessageLocks messageLocks = new PollMessageLocks();
    DebateRounds rounds = new DebateRounds(database, publishers, views, messageLocks, clock);
    AnnouncementDeliverer announcer =
        new AnnouncementDeliverer(
            database,
            publishers,
            results,
            views,
            messageLocks,
            new ResultsChartRenderer(texts.messages()),
            clock,
            instance);
    Optional<LiveCounts> liveCounts =
        config.polls().liveResults() == LiveResults.OFF
            ? Optional.empty()
            : Optional.of(
                new LiveCounts(
                    new CountsOnMessages(database.polls(), publishers, views, messageLocks)
                        ::refresh,
                    LIVE_COUNTS_PERIOD,
                    routines));
    VoteIntake votes = new VoteIntake(catalog, pseudonyms, database.votes(), liveCounts);
    AuditLog audit = new AuditLog(database.audit(), clock);
    VoterKeyGuard keyGuard =
        new VoterKeyGuard(database.privacy(), pseudonyms.keyFingerprint(), clock);
    PollService service =
        new PollService(
            database,
            config.polls(),
            new ClosingTimeResolver(config.timeZone(), clock),
            catalog,
            votes,
            new PollPoster(database, publishers, views, keyGuard, clock),
            new PollLifecycle(database, publishers, views, results, announcer, clock),
            new EpisodeImporter(
                database, config.polls(), clock, publishers, catalog, views, messageLocks),
            results,
            audit,
            new PersonalData(database.privacy(), database.reasons(), audit, pseudonyms),
            rounds);
    PollScheduler scheduler =
        new PollScheduler(
            database,
            announcer,
            config.polls(),
            publishers,
            catalog,
            rounds,
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
      liveCounts.ifPresent(LiveCounts::close);
      routines.close();
      database.close();
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
                            service,
                            database,
                            config.feed(),
                            new FeedActions(service, database, publishers, texts.messages(), clock),
                            texts,
                            clock),
                        config.feed().interval(),
                        new SoleTurn(database.leases(), "feed", instance, config.feed().interval()),
                        routines));
    return new Pollcast(
        database,
        service,
        votes,
        new ReasonDesk(database, catalog, pseudonyms, audit, clock),
        scheduler,
        liveCounts,
        routines,
        texts,
        retention,
        feed,
        metrics,
        instance,
        links);
  }

  /** A name for this process among those sharing the database: host name and a random part. */
  private static String newInstanceId() {
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
   * This process's name among the processes sharing the database; it holds leases and claims work
   * under it.
   */
  public String instance() {
    return instance;
  }

  /** The texts in the configured language and zone; needed by publishers before the core opens. */
  public static TextRenderer texts(PollcastConfig config) {
    return new TextRenderer(new Messages(config.language()), config.timeZone());
  }

  public Database database() {
    return database;
  }

  public PollService service() {
    return service;
  }

  /** Where votes and withdrawals go. */
  public VoteIntake votes() {
    return votes;
  }

  /** Members' reasons for their votes, and moderators' choice among them. */
  public ReasonDesk reasons() {
    return reasons;
  }

  /** Closes polls on time, reminds and announces; not started until {@link PollScheduler#start}. */
  public PollScheduler scheduler() {
    return scheduler;
  }

  /**
   * Follows the podcast's feed when {@code pollcast.feed.url} is set; not started until {@link
   * FeedWatcher#start}.
   */
  public Optional<FeedWatcher> feed() {
    return feed;
  }

  /** The runner of scheduled work, for routines the runner adds (such as a lease). */
  public Routines routines() {
    return routines;
  }

  public TextRenderer texts() {
    return texts;
  }

  public CommandHandler handler() {
    return handler;
  }

  /**
   * The gate every command and click passes: a stopping bot closes it, then waits for what is in
   * hand before it disconnects and closes the core.
   */
  public InteractionGate gate() {
    return gate;
  }

  /** The metrics of this bot, served by the admin endpoint when it is on. */
  public PollcastMetrics metrics() {
    return metrics;
  }

  /** What the vote writer committed so far; for measurements. */
  public VoteWriter.Stats voteStats() {
    return database.votes().stats();
  }

  @Override
  public void close() {
    feed.ifPresent(FeedWatcher::close);
    retention.close();
    scheduler.close();
    liveCounts.ifPresent(LiveCounts::close);
    routines.close();
    metrics.close();
    database.close();
  }
}
