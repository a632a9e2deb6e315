package io.pollcast.poll;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Reason;
import io.pollcast.domain.ReasonState;
import io.pollcast.domain.ReasonText;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Round;
import io.pollcast.privacy.AuditAction;
import io.pollcast.privacy.AuditLog;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.storage.Database;
import io.pollcast.storage.ReasonRow;
import io.pollcast.storage.ReasonStore;
import io.pollcast.storage.VoterId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Members' reasons for their votes ("Waarom?"): a member with a vote in a poll's open round gives,
 * replaces or removes theirs, stored under the same pseudonym as the vote and never under a
 * platform id; moderators and hosts list a thesis's reasons and feature, hide or show them again,
 * each written to the audit log. Like votes, a burst of one member's reasons leaves one reason and
 * answers every request: each is one short transaction on the poll's row. Thread-safe.
 */
public final class ReasonDesk {
  private final Database db;
  private final PollCatalog catalog;
  private final Pseudonymizer pseudonyms;
  private final AuditLog audit;
  private final Clock clock;

  public ReasonDesk(
      Database db, PollCatalog catalog, Pseudonymizer pseudonyms, AuditLog audit, Clock clock) {
    this.db = db;
    this.catalog = catalog;
    this.pseudonyms = pseudonyms;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Gives or replaces the member's reason on a poll shown in {@code place}, for its open round.
   *
   * @throws RefusedException if the text is empty or longer than {@value ReasonText#MAX_LENGTH}
   */
  public ReasonReply give(Actor member, Place place, long pollId, String text) {
    String reason = ReasonText.clean(text);
    Optional<PollInfo> poll = shown(member, place, pollId);
    if (poll.isEmpty()) {
      return new ReasonReply(poll, ReasonReply.Status.UNKNOWN_POLL, Optional.empty());
    }
    return reply(poll, db.reasons().give(pollId, voter(member, pollId), reason, clock.instant()));
  }

  /** Removes the member's reason on a poll shown in {@code place}, for its open round. */
  public ReasonReply remove(Actor member, Place place, long pollId) {
    Optional<PollInfo> poll = shown(member, place, pollId);
    if (poll.isEmpty()) {
      return new ReasonReply(poll, ReasonReply.Status.UNKNOWN_POLL, Optional.empty());
    }
    return reply(poll, db.reasons().remove(pollId, voter(member, pollId)));
  }

  /** The reasons on a thesis, newest first, hidden ones included. Moderators and hosts only. */
  public List<Reason> list(Actor actor, int episode, int thesis) {
    requireModerator(actor);
    return all(episode, thesis);
  }

  /** The reasons on a thesis, newest first, without a role check: for the local command line. */
  public List<Reason> all(int episode, int thesis) {
    requireThesis(episode, thesis);
    return db.reasons().ofThesis(episode, thesis).stream().map(ReasonDesk::reason).toList();
  }

  /**
   * Features, hides or shows again a reason on a thesis, and writes it to the audit log. Moderators
   * and hosts only; refused for an unknown reason and for a fourth featured one.
   */
  public void set(Actor actor, int episode, int thesis, long reasonId, ReasonState state) {
    requireModerator(actor);
    requireThesis(episode, thesis);
    ReasonStore.StateChange change = db.reasons().setState(episode, thesis, reasonId, state.name());
    String reference = episode + "." + thesis;
    switch (change) {
      case UNKNOWN -> throw new RefusedException("reason.unknown", "R" + reasonId, reference);
      case TOO_MANY -> throw new RefusedException("reason.too-many", ReasonStore.MAX_FEATURED);
      case SET -> audit.record(actor, action(state), episode, thesis + ": R" + reasonId);
    }
  }

  private static AuditAction action(ReasonState state) {
    return switch (state) {
      case FEATURED -> AuditAction.FEATURE;
      case HIDDEN -> AuditAction.HIDE;
      case SHOWN -> AuditAction.SHOW;
    };
  }

  private void requireThesis(int episode, int thesis) {
    if (db.episodes().find(episode).isEmpty()) {
      throw new RefusedException("episode.unknown", episode);
    }
    if (db.episodes().theses(episode).stream().noneMatch(t -> t.number() == thesis)) {
      throw new RefusedException("stance.no-thesis", episode + "." + thesis);
    }
  }

  private static void requireModerator(Actor actor) {
    if (!actor.canViewTallies()) {
      throw new RefusedException("refused.reasons");
    }
  }

  private Optional<PollInfo> shown(Actor member, Place place, long pollId) {
    return catalog
        .get(pollId)
        .filter(p -> p.place().equals(place) && place.platform() == member.platform());
  }

  private VoterId voter(Actor member, long pollId) {
    return pseudonyms.voter(member.platform(), member.userId(), pollId);
  }

  private static ReasonReply reply(Optional<PollInfo> poll, ReasonStore.Change change) {
    ReasonReply.Status status =
        switch (change.outcome()) {
          case GIVEN -> ReasonReply.Status.GIVEN;
          case REPLACED -> ReasonReply.Status.REPLACED;
          case REMOVED -> ReasonReply.Status.REMOVED;
          case NONE -> ReasonReply.Status.NONE;
          case NO_VOTE -> ReasonReply.Status.NO_VOTE;
          case POLL_CLOSED -> ReasonReply.Status.POLL_CLOSED;
        };
    return new ReasonReply(poll, status, change.round().flatMap(ReasonDesk::round));
  }

  /** A stored round ({@code NONE}, {@code BEFORE}, {@code AFTER}) as a debate round, if one. */
  static Optional<Round> round(String stored) {
    return stored.equals("NONE") ? Optional.empty() : Optional.of(Round.valueOf(stored));
  }

  private static Reason reason(ReasonRow row) {
    return new Reason(
        row.id(),
        row.thesisNumber(),
        round(row.round()),
        row.text(),
        ReasonState.valueOf(row.state()),
        row.givenAt());
  }
}
