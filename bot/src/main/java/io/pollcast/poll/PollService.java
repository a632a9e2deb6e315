package io.pollcast.poll;

import io.pollcast.config.LiveResults;
import io.pollcast.config.PollsConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.privacy.AuditAction;
import io.pollcast.privacy.AuditLog;
import io.pollcast.privacy.ForgetReport;
import io.pollcast.privacy.MemberData;
import io.pollcast.privacy.PersonalData;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.privacy.VoterKeyGuard;
import io.pollcast.routine.Routines;
import io.pollcast.storage.Database;
import io.pollcast.storage.EpisodeRow;
import io.pollcast.storage.EpisodeSummary;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.ThesisRow;
import io.pollcast.storage.VoteRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The platform-neutral heart of Pollcast: imports episodes, starts polls in a place, takes votes,
 * closes polls and announces results, and shows tallies, checking every action against the actor's
 * roles. Platform adapters translate their events into these calls and the results back into
 * messages. Thread-safe; votes go through the database's {@link io.pollcast.storage.VoteWriter}.
 */
public final class PollService implements AutoCloseable {
  private final Database db;
  private final PollsConfig config;
  private final ZoneId zone;
  private final Clock clock;
  private final Map<Platform, PollPublisher> publishers;
  private final PollCatalog catalog;
  private final ResultsQuery results;
  private final Optional<LiveCounts> liveCounts;
  private final VoteIntake intake;
  private final PollViews views;
  private final PollPoster poster;
  private final PollLifecycle lifecycle;
  private final PollMessageLocks messageLocks;
  private final AuditLog audit;
  private final PersonalData personalData;
  private final VoterKeyGuard keyGuard;
  private final EpisodeImporter importer;
  private final DebateRounds rounds;

  /**
   * Wires the service; {@code publishers} holds one publisher per connected platform, and {@code
   * announcer} delivers the announcements that closing queues; the live counts, when on, are one of
   * the {@code routines}.
   */
  public PollService(
      Database db,
      Pseudonymizer pseudonyms,
      PollsConfig config,
      ZoneId zone,
      Clock clock,
      Map<Platform, PollPublisher> publishers,
      AnnouncementDeliverer announcer,
      Routines routines) {
    this.db = db;
    this.config = config;
    this.zone = zone;
    this.clock = clock;
    this.publishers = Map.copyOf(publishers);
    this.catalog = new PollCatalog(db.polls());
    this.results = new ResultsQuery(db, config.stanceNames());
    this.views = new PollViews(db, catalog, config);
    this.poster = new PollPoster(db, views, clock);
    this.lifecycle = new PollLifecycle(db, publishers, views, results, announcer, clock);
    this.messageLocks = announcer.messageLocks();
    this.liveCounts =
        config.liveResults() != LiveResults.OFF
            ? Optional.of(new LiveCounts(this::refreshCounts, Duration.ofSeconds(1), routines))
            : Optional.empty();
    this.intake = new VoteIntake(catalog, pseudonyms, db.votes(), liveCounts);
    this.audit = new AuditLog(db.audit(), clock);
    this.personalData = new PersonalData(db.privacy(), audit, pseudonyms);
    this.keyGuard = new VoterKeyGuard(db.privacy(), pseudonyms.keyFingerprint(), clock);
    this.importer =
        new EpisodeImporter(db, config, clock, publishers, catalog, views, messageLocks);
    this.rounds = new DebateRounds(db, publishers, views, messageLocks, clock);
  }

  /**
   * Stores an episode, or updates it; never destroys theses that have polls, and edits the posted
   * poll messages whose thesis changed on every platform connected here. Refuses, changing nothing,
   * an import that would alter the options of a posted poll. Hosts only.
   */
  public ImportReport importEpisode(Actor actor, EpisodeDraft draft) {
    requireHost(actor);
    ImportReport report = importer.importEpisode(draft, false);
    audit.record(actor, AuditAction.IMPORT, draft.number(), draft.theses().size() + " theses");
    return report;
  }

  /** What {@link #importEpisode} would do, without storing or editing anything. Hosts only. */
  public ImportReport previewImport(Actor actor, EpisodeDraft draft) {
    requireHost(actor);
    return importer.importEpisode(draft, true);
  }

  /** The theses of a stored episode, by number; refused if there is no such episode. */
  public List<ThesisRow> theses(int episodeNumber) {
    episode(episodeNumber);
    return db.episodes().theses(episodeNumber);
  }

  /** Every stored episode, newest first. Anyone may list them. */
  public List<EpisodeSummary> episodes() {
    return db.episodes().summaries();
  }

  /**
   * Posts every thesis of an episode as a poll in a place. Theses already open there are left alone
   * (a poll whose message failed to post is posted again). Hosts only.
   *
   * @param closing when the polls close by themselves; if empty, the episode's own rule, else the
   *     configured default duration, else never
   */
  public StartReport start(
      Actor actor, Place place, int episodeNumber, Optional<ClosingTime> closing) {
    return start(actor, place, episodeNumber, closing, false, Optional.empty());
  }

  /**
   * As {@link #start(Actor, Place, int, Optional)}, as a debate if {@code debate} or if the
   * episode's notes ask for one: the polls take votes in their before round until {@link #after}
   * or the time {@code after} gives.
   */
  public StartReport start(
      Actor actor,
      Place place,
      int episodeNumber,
      Optional<ClosingTime> closing,
      boolean debate,
      Optional<ClosingTime> after) {
    requireHost(actor);
    EpisodeRow episode = episode(episodeNumber);
    PollPublisher publisher = publisher(place.platform());
    boolean isDebate = debate || episode.debate();
    if (after.isPresent() && !isDebate) {
      throw new RefusedException("start.after-without-debate");
    }
    keyGuard.beforeOpeningPolls();
    Optional<Instant> closesAt =
        closesAt(
            closing
                .or(() -> episode.closing().map(ClosingTime::parse))
                .or(() -> config.defaultDuration().map(ClosingTime.After::new)));
    Optional<Instant> afterAt = closesAt(after);
    if (afterAt.isPresent() && closesAt.isPresent() && !afterAt.get().isBefore(closesAt.get())) {
      throw new RefusedException("start.after-not-before-closing");
    }
    List<String> options =
        episode.options().isEmpty() ? config.defaultOptions() : episode.options();
    StartReport report =
        poster.post(
            place,
            publisher,
            episodeNumber,
            options,
            closesAt,
            new PollPoster.Debate(isDebate, afterAt));
    audit.record(
        actor, AuditAction.START, episodeNumber, placeDetail(place, report.posted().size()));
    return report;
  }

  /**
   * Closes the before round of an episode's debate polls in every place and opens the after round.
   * Hosts only; refused if no open poll of the episode is in its before round.
   */
  public AfterReport after(Actor actor, int episodeNumber) {
    requireHost(actor);
    episode(episodeNumber);
    List<PollRow> switched = rounds.openAfter(episodeNumber);
    if (switched.isEmpty()) {
      boolean anyDebate =
          db.polls().ofEpisode(episodeNumber).stream().anyMatch(PollRow::isDebate);
      throw new RefusedException(anyDebate ? "after.none" : "after.no-debate", episodeNumber);
    }
    audit.record(actor, AuditAction.AFTER, episodeNumber, switched.size() + " polls");
    return new AfterReport(episodeNumber, switched.size());
  }

  /**
   * Records where a host stands on a thesis, replacing their earlier stance; returns the option as
   * the episode spells it. Hosts only; refused for an unknown thesis or option.
   */
  public String stance(Actor actor, int episodeNumber, int thesis, String option) {
    requireHost(actor);
    EpisodeRow episode = episode(episodeNumber);
    if (db.episodes().theses(episodeNumber).stream().noneMatch(t -> t.number() == thesis)) {
      throw new RefusedException("stance.no-thesis", episodeNumber + "." + thesis);
    }
    List<String> options =
        episode.options().isEmpty() ? config.defaultOptions() : episode.options();
    String label =
        Options.find(options, option)
            .orElseThrow(
                () ->
                    new RefusedException(
                        "vote.unknown-option",
                        episodeNumber + "." + thesis,
                        option,
                        String.join(", ", options)));
    db.stances()
        .record(
            episodeNumber,
            thesis,
            actor.platform().id(),
            actor.userId(),
            actor.displayName(),
            label,
            clock.instant());
    audit.record(actor, AuditAction.STANCE, episodeNumber, thesis + ": " + label);
    return label;
  }

  /** Finds the poll of a thesis in a place, as in "/vote 68.1" in the console. */
  public Optional<PollInfo> pollIn(Place place, int episode, int thesis) {
    return db.polls()
        .findInPlace(episode, thesis, place.platform().id(), place.channel())
        .flatMap(row -> catalog.get(row.id()));
  }

  /** The unchanging facts of a poll, if it exists. */
  public Optional<PollInfo> poll(long pollId) {
    return catalog.get(pollId);
  }

  /**
   * Records a vote; the future completes once it is durable (or refused) and fails with {@link
   * io.pollcast.storage.VoteNotRecordedException} if it could not be stored. Anyone may vote.
   */
  public CompletableFuture<VoteReply> vote(Actor voter, long pollId, int option) {
    return intake.submit(voter, pollId, id -> VoteRequest.cast(pollId, id, option));
  }

  /** Withdraws a vote, with the same guarantees as {@link #vote}. */
  public CompletableFuture<VoteReply> withdraw(Actor voter, long pollId) {
    return intake.submit(voter, pollId, id -> VoteRequest.withdraw(pollId, id));
  }

  /**
   * Closes every open poll of an episode in every place; the same transaction queues an
   * announcement per place, which is delivered before this returns (shown closed, results with a
   * chart) or, if a platform fails, retried later. Closing an episode that is already closed
   * changes nothing. Hosts only.
   */
  public CloseReport close(Actor actor, int episodeNumber) {
    requireHost(actor);
    CloseReport report = lifecycle.close(episode(episodeNumber));
    audit.record(actor, AuditAction.CLOSE, episodeNumber, report.closedPolls() + " polls closed");
    return report;
  }

  /**
   * Opens an episode's closed polls again in every place, after a close by mistake; the next close
   * announces the results as updated. Hosts only.
   *
   * @param closing when they close by themselves; never if empty
   */
  public ReopenReport reopen(Actor actor, int episodeNumber, Optional<ClosingTime> closing) {
    requireHost(actor);
    ReopenReport report = lifecycle.reopen(episode(episodeNumber), closesAt(closing));
    audit.record(
        actor, AuditAction.REOPEN, episodeNumber, report.reopenedPolls() + " polls reopened");
    return report;
  }

  /** The tally of an episode, open polls included. Moderators and hosts only. */
  public EpisodeResults tally(Actor actor, int episodeNumber) {
    if (!actor.canViewTallies()) {
      throw new RefusedException("refused.moderator");
    }
    EpisodeResults tally = results(episodeNumber);
    audit.record(actor, AuditAction.TALLY, episodeNumber, "");
    return tally;
  }

  /** What Pollcast holds about the actor: their votes, and audit lines if they have a role. */
  public MemberData myData(Actor actor) {
    return personalData.of(actor, this::poll);
  }

  /**
   * Withdraws the actor's votes from open polls (through the vote desk, so counts stay exact) and
   * unlinks their votes on closed polls, which stay in the counts. Blocks until it is durable.
   */
  public ForgetReport forgetMe(Actor actor) {
    return personalData.forget(
        actor, pollId -> withdraw(actor, pollId).thenApply(VoteReply::result));
  }

  /** The audit log of hosts' and moderators' actions, for the operator. */
  public AuditLog audit() {
    return audit;
  }

  /** The tally of an episode without a role check, for the local command line. */
  public EpisodeResults results(int episodeNumber) {
    return results.of(episode(episodeNumber));
  }

  /** Shows running counts; the poll's state is read under its message lock (see below). */
  private void refreshCounts(long pollId) {
    messageLocks.edit(pollId, () -> showCountsIfOpen(pollId));
  }

  private void showCountsIfOpen(long pollId) {
    PollRow row = db.polls().find(pollId).orElseThrow();
    if (row.isOpen() && row.message().isPresent()) {
      PollPublisher publisher = publishers.get(Platform.ofId(row.platform()));
      if (publisher != null) {
        publisher.showCounts(row.message().get(), views.of(pollId));
      }
    }
  }

  private Optional<Instant> closesAt(Optional<ClosingTime> closing) {
    Instant now = clock.instant();
    Optional<Instant> at = closing.map(c -> ClosingTimes.resolve(c, now, zone));
    if (at.isPresent() && !at.get().isAfter(now)) {
      throw new RefusedException("start.closing-in-past");
    }
    return at;
  }

  private EpisodeRow episode(int number) {
    return db.episodes()
        .find(number)
        .orElseThrow(() -> new RefusedException("episode.unknown", number));
  }

  private PollPublisher publisher(Platform platform) {
    PollPublisher publisher = publishers.get(platform);
    if (publisher == null) {
      throw new RefusedException("platform.unavailable", platform.id());
    }
    return publisher;
  }

  private static String placeDetail(Place place, int posted) {
    return place.platform().id() + "/" + place.channel() + ", " + posted + " polls posted";
  }

  private static void requireHost(Actor actor) {
    if (!actor.isHost()) {
      throw new RefusedException("refused.host");
    }
  }

  @Override
  public void close() {
    liveCounts.ifPresent(LiveCounts::close);
  }
}
