package io.pollcast.privacy;

import io.pollcast.domain.Actor;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Round;
import io.pollcast.domain.VoteOutcome;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.PrivacyStore;
import io.pollcast.storage.ReasonStore;
import io.pollcast.storage.VoterId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;

/**
 * Finds and removes what Pollcast holds about one member. Only pseudonyms are stored, so their rows
 * are found by computing their pseudonym for every poll on their platform that still keeps
 * per-voter rows. Votes on open polls are withdrawn through the vote writer, so the counters change
 * in the same transaction as the rows; on closed polls only the link to the member is removed and
 * the published counts stay. Thread-safe.
 */
public final class PersonalData {
  private final PrivacyStore store;
  private final ReasonStore reasons;
  private final AuditLog audit;
  private final Pseudonymizer pseudonyms;

  public PersonalData(
      PrivacyStore store, ReasonStore reasons, AuditLog audit, Pseudonymizer pseudonyms) {
    this.store = store;
    this.reasons = reasons;
    this.audit = audit;
    this.pseudonyms = pseudonyms;
  }

  /**
   * What is held about the actor.
   *
   * @param polls looks up a poll's facts by id
   */
  public MemberData of(Actor actor, LongFunction<Optional<PollInfo>> polls) {
    List<HeldVote> votes = new ArrayList<>();
    Ballots ballots = ballots(actor);
    ballots.votes.forEach(
        (pollId, option) ->
            polls
                .apply(pollId)
                .ifPresent(
                    info ->
                        votes.add(
                            new HeldVote(
                                info,
                                info.options().get(option),
                                ballots.rows.get(pollId).closedAt(),
                                ballots
                                    .rows
                                    .get(pollId)
                                    .round()
                                    .map(r -> Round.valueOf(r.name()))))));
    ballots.before.forEach(
        (pollId, option) ->
            polls
                .apply(pollId)
                .ifPresent(
                    info ->
                        votes.add(
                            new HeldVote(
                                info,
                                info.options().get(option),
                                ballots.rows.get(pollId).closedAt(),
                                Optional.of(Round.BEFORE)))));
    List<HeldReason> given = new ArrayList<>();
    reasons
        .ofVoters(ballots.pseudonyms)
        .forEach(
            (pollId, rows) ->
                polls
                    .apply(pollId)
                    .ifPresent(
                        info ->
                            rows.forEach(
                                row ->
                                    given.add(
                                        new HeldReason(
                                            info,
                                            row.round().equals("NONE")
                                                ? Optional.empty()
                                                : Optional.of(Round.valueOf(row.round())),
                                            row.text())))));
    return new MemberData(actor.platform(), votes, audit.entriesOf(actor), given);
  }

  /**
   * Removes the actor's reasons and votes: withdraws the votes from open polls and detaches them
   * from closed ones. Blocks until every withdrawal is durable; call it off any platform's event
   * thread.
   *
   * @param withdraw withdraws the actor's vote on a poll through the vote writer
   * @throws RefusedException if the database failed part-way; asking again finishes the job
   */
  public ForgetReport forget(Actor actor, LongFunction<CompletableFuture<VoteOutcome>> withdraw) {
    Ballots ballots = ballots(actor);
    int removedReasons = reasons.removeAllOf(ballots.pseudonyms);
    Map<Long, CompletableFuture<VoteOutcome>> withdrawals = new LinkedHashMap<>();
    int detached = 0;
    for (long pollId : ballots.votes.keySet()) {
      if (ballots.rows.get(pollId).isOpen()) {
        withdrawals.put(pollId, withdraw.apply(pollId));
      } else if (store.detachClosedVote(pollId, ballots.pseudonyms.get(pollId))) {
        detached++;
      }
    }
    for (long pollId : ballots.before.keySet()) {
      if (store.detachBeforeVote(pollId, ballots.pseudonyms.get(pollId))) {
        detached++;
      }
    }
    int withdrawn = 0;
    for (var entry : withdrawals.entrySet()) {
      VoteOutcome.Status status = await(entry.getValue()).status();
      if (status == VoteOutcome.Status.WITHDRAWN) {
        withdrawn++;
      } else if (status == VoteOutcome.Status.POLL_CLOSED
          && store.detachClosedVote(entry.getKey(), ballots.pseudonyms.get(entry.getKey()))) {
        detached++; // the poll closed in the meantime
      }
    }
    return new ForgetReport(withdrawn, detached, audit.entriesOf(actor), removedReasons);
  }

  private static VoteOutcome await(CompletableFuture<VoteOutcome> withdrawal) {
    try {
      return withdrawal.join();
    } catch (CompletionException e) {
      throw new RefusedException("forget-me.failed");
    }
  }

  private Ballots ballots(Actor actor) {
    Map<Long, PollRow> rows = new LinkedHashMap<>();
    Map<Long, VoterId> ids = new LinkedHashMap<>();
    for (PollRow row : store.pollsWithVoterRows(actor.platform().id())) {
      rows.put(row.id(), row);
      ids.put(row.id(), pseudonyms.voter(actor.platform(), actor.userId(), row.id()));
    }
    return new Ballots(rows, ids, store.votesOf(ids), store.beforeVotesOf(ids));
  }

  /**
   * The polls that keep voter rows, the actor's pseudonym on each, their votes by poll, and their
   * before-round votes on debate polls whose after round opened.
   */
  private record Ballots(
      Map<Long, PollRow> rows,
      Map<Long, VoterId> pseudonyms,
      Map<Long, Integer> votes,
      Map<Long, Integer> before) {}
}
