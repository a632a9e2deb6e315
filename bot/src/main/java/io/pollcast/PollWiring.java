package io.pollcast;

import io.pollcast.chart.ResultsChartRenderer;
import io.pollcast.config.LiveResults;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Platform;
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
import io.pollcast.poll.PollService;
import io.pollcast.poll.PollViews;
import io.pollcast.poll.ReasonDesk;
import io.pollcast.poll.ResultsQuery;
import io.pollcast.poll.VoteIntake;
import io.pollcast.privacy.AuditLog;
import io.pollcast.privacy.PersonalData;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.privacy.VoterKeyGuard;
import io.pollcast.routine.Routines;
import io.pollcast.storage.Database;
import io.pollcast.text.TextRenderer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The poll side of the core, built by {@link Pollcast#open} in the order its parts need each other:
 * the catalog, views and results that every service reads, the announcement deliverer, the live
 * counts (which start refreshing at once when {@code pollcast.polls.live-results} is on), the vote
 * intake, the poll service and the reason desk. Holds what the rest of the core is built with.
 *
 * @param catalog the polls by id, shared by the services and the scheduler
 * @param rounds the two rounds of a debate
 * @param announcer posts the results queued when polls close
 * @param liveCounts the live counts on poll messages, when on; a routine to close with the core
 * @param votes where votes and withdrawals go
 * @param service hosts' and members' poll commands
 * @param reasons members' reasons for their votes
 */
record PollWiring(
    PollCatalog catalog,
    DebateRounds rounds,
    AnnouncementDeliverer announcer,
    Optional<LiveCounts> liveCounts,
    VoteIntake votes,
    PollService service,
    ReasonDesk reasons) {

  /** Live counts on poll messages are refreshed at most this often. */
  private static final Duration LIVE_COUNTS_PERIOD = Duration.ofSeconds(1);

  /**
   * Builds the poll side of the core on {@code database}, posting through {@code publishers}.
   *
   * @param keyGuard records the key that pseudonymises the voters of each poll posted
   * @param routines runs the live counts
   * @param instance this process's name among those sharing the database
   */
  static PollWiring build(
      PollcastConfig config,
      Database database,
      Map<Platform, PollPublisher> publishers,
      Pseudonymizer pseudonyms,
      VoterKeyGuard keyGuard,
      TextRenderer texts,
      Routines routines,
      Clock clock,
      String instance) {
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
    ReasonDesk reasons = new ReasonDesk(database, catalog, pseudonyms, audit, clock);
    return new PollWiring(catalog, rounds, announcer, liveCounts, votes, service, reasons);
  }
}
