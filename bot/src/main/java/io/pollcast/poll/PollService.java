package io.pollcast.poll;

import io.pollcast.config.PollsConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.EpisodeSummary;
import io.pollcast.domain.Place;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Thesis;
import io.pollcast.privacy.AuditAction;
import io.pollcast.privacy.AuditLog;
import io.pollcast.privacy.ForgetReport;
import io.pollcast.privacy.MemberData;
import io.pollcast.privacy.PersonalData;
import io.pollcast.storage.Database;
import io.pollcast.storage.EpisodeRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The platform-neutral heart of Pollcast: imports episodes, starts polls in a place, closes polls
 * and announces results, and shows tallies, checking every action against the actor's roles.
 * Platform adapters translate their events into these calls and the results back into messages.
 * Votes take a shorter way, through {@link VoteIntake}. Built, like every collaborator, by the
 * composition root. Thread-safe.
 */
public final class PollService {
  private final Database db;
  private final PollsConfig config;
  private final ClosingTimeResolver closingTimes;
  private final PollCatalog catalog;
  private final VoteIntake votes;
  private final PollPoster poster;
  private final PollLifecycle lifecycle;
  private final EpisodeImporter importer;
  private final ResultsQuery results;
  private final AuditLog audit;
  private final PersonalData personalData;

  /**
   * @param votes withdraws a member's votes when they ask to be forgotten
   * @param audit records every action of a host or moderator
   */
  public PollService(
      Database db,
      PollsConfig config,
      ClosingTimeResolver closingTimes,
      PollCatalog catalog,
      VoteIntake votes,
      PollPoster poster,
      PollLifecycle lifecycle,
      EpisodeImporter importer,
      ResultsQuery results,
      AuditLog audit,
      PersonalData personalData) {
    this.db = db;
    this.config = config;
    this.closingTimes = closingTimes;
    this.catalog = catalog;
    this.votes = votes;
    this.poster = poster;
    this.lifecycle = lifecycle;
    this.importer = importer;
    this.results = results;
    this.audit = audit;
    this.personalData = personalData;
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
  public List<Thesis> theses(int episodeNumber) {
    episode(episodeNumber);
    return db.episodes().theses(episodeNumber).stream()
        .map(row -> new Thesis(row.episodeNumber(), row.number(), row.text(), row.context()))
        .toList();
  }

  /** Every stored episode, newest first. Anyone may list them. */
  public List<EpisodeSummary> episodes() {
    return db.episodes().summaries().stream()
        .map(
            row ->
                new EpisodeSummary(
                    row.number(), row.title(), row.theses(), row.openPolls(), row.closedPolls()))
        .toList();
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
    requireHost(actor);
    EpisodeRow episode = episode(episodeNumber);
    Optional<Instant> closesAt =
        closingTimes.closesAt(
            closing
                .or(() -> episode.closing().map(ClosingTime::parse))
                .or(() -> config.defaultDuration().map(ClosingTime.After::new)));
    List<String> options =
        episode.options().isEmpty() ? config.defaultOptions() : episode.options();
    StartReport report = poster.post(place, episodeNumber, options, closesAt);
    audit.record(
        actor, AuditAction.START, episodeNumber, placeDetail(place, report.posted().size()));
    return report;
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
    ReopenReport report = lifecycle.reopen(episode(episodeNumber), closingTimes.closesAt(closing));
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
        actor,
        pollId ->
            votes
                .withdraw(actor, catalog.get(pollId).orElseThrow().place(), pollId)
                .thenApply(VoteReply::result));
  }

  /** The audit log of hosts' and moderators' actions, for the operator. */
  public AuditLog audit() {
    return audit;
  }

  /** The tally of an episode without a role check, for the local command line. */
  public EpisodeResults results(int episodeNumber) {
    return results.of(episode(episodeNumber));
  }

  private EpisodeRow episode(int number) {
    return db.episodes()
        .find(number)
        .orElseThrow(() -> new RefusedException("episode.unknown", number));
  }

  private static String placeDetail(Place place, int posted) {
    return place.platform().id() + "/" + place.channel() + ", " + posted + " polls posted";
  }

  private static void requireHost(Actor actor) {
    if (!actor.isHost()) {
      throw new RefusedException("refused.host");
    }
  }
}
