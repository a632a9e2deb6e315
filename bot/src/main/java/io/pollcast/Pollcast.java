package io.pollcast;

import io.pollcast.command.CommandHandler;
import io.pollcast.command.InteractionGate;
import io.pollcast.command.WebLinks;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Platform;
import io.pollcast.feed.FeedWatcher;
import io.pollcast.metrics.PollcastMetrics;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollScheduler;
import io.pollcast.poll.PollService;
import io.pollcast.poll.ReasonDesk;
import io.pollcast.poll.VoteIntake;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.privacy.VoterKeyGuard;
import io.pollcast.privacy.VoterKeyMismatchException;
import io.pollcast.routine.Routines;
import io.pollcast.storage.Database;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: builds the object graph with constructors, in the order start-up needs it
 * (database with its vote desk and migrations, the voter key check, pseudonyms, the poll side in
 * {@link PollWiring}, the scheduled work in {@link CoreRoutines}, the command handler), and closes
 * it in reverse. Platform adapters are built around it by {@link BotRunner} (with {@link
 * PlatformConnections} and {@link WebFront}), which also starts the scheduled work; one-shot
 * commands never do.
 */
public final class Pollcast implements AutoCloseable {
  private static final int THROWAWAY_KEY_BYTES = 32;

  private final Database database;
  private final PollWiring polls;
  private final CoreRoutines coreRoutines;
  private final TextRenderer texts;
  private final CommandHandler handler;
  private final InteractionGate gate = new InteractionGate();
  private final PollcastMetrics metrics;
  private final String instance;

  private Pollcast(
      Database database,
      PollWiring polls,
      CoreRoutines coreRoutines,
      TextRenderer texts,
      PollcastMetrics metrics,
      String instance,
      WebLinks links) {
    this.database = database;
    this.polls = polls;
    this.coreRoutines = coreRoutines;
    this.texts = texts;
    this.metrics = metrics;
    this.instance = instance;
    this.handler =
        new CommandHandler(
            polls.service(), polls.votes(), polls.reasons(), texts, gate, metrics, links);
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
   * As {@link #open(PollcastConfig, byte[], Clock, Map, WebLinks)}, counting into {@code metrics},
   * which the platform adapters were built with too; closing the core closes them.
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
    VoterKeyGuard keyGuard =
        new VoterKeyGuard(database.privacy(), pseudonyms.keyFingerprint(), clock);
    if (checkKey) {
      try {
        keyGuard.checkAtStartUp();
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
    }
    TextRenderer texts = texts(config);
    String instance = CoreRoutines.newInstanceId();
    Routines runner = CoreRoutines.newRunner();
    PollWiring polls =
        PollWiring.build(
            config, database, publishers, pseudonyms, keyGuard, texts, runner, clock, instance);
    CoreRoutines coreRoutines;
    try {
      coreRoutines =
          CoreRoutines.build(config, database, publishers, polls, texts, runner, clock, instance);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new Pollcast(database, polls, coreRoutines, texts, metrics, instance, links);
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
    return polls.service();
  }

  /** Where votes and withdrawals go. */
  public VoteIntake votes() {
    return polls.votes();
  }

  /** Members' reasons for their votes, and moderators' choice among them. */
  public ReasonDesk reasons() {
    return polls.reasons();
  }

  /** Closes polls on time, reminds and announces; not started until {@link PollScheduler#start}. */
  public PollScheduler scheduler() {
    return coreRoutines.scheduler();
  }

  /**
   * Follows the podcast's feed when {@code pollcast.feed.url} is set; not started until {@link
   * FeedWatcher#start}.
   */
  public Optional<FeedWatcher> feed() {
    return coreRoutines.feed();
  }

  /** The runner of scheduled work, for routines the runner adds (such as a lease). */
  public Routines routines() {
    return coreRoutines.runner();
  }

  /**
   * Starts the scheduled work a running bot does: closing polls when due, following the feed and
   * compacting an idle H2 file.
   */
  void startRoutines() {
    coreRoutines.start();
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

  @Override
  public void close() {
    coreRoutines.close();
    metrics.close();
    database.close();
  }
}
