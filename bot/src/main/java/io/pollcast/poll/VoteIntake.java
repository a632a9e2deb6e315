package io.pollcast.poll;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.VoteNotStoredException;
import io.pollcast.domain.VoteOutcome;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.storage.VoteNotRecordedException;
import io.pollcast.storage.VoteRequest;
import io.pollcast.storage.VoteResult;
import io.pollcast.storage.VoteWriter;
import io.pollcast.storage.VoterId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Where a member's click becomes a vote: finds the poll once, in the in-memory catalog, refuses a
 * poll that is not shown where the click came from or an option it does not have, turns the member
 * into the poll's pseudonym, and hands the request to the vote writer, which decides it in the
 * database. Asks for a live count refresh once a change is durable. No database read on the
 * caller's thread, only the catalog and one HMAC. Thread-safe.
 */
public final class VoteIntake {
  private final PollCatalog catalog;
  private final Pseudonymizer pseudonyms;
  private final VoteWriter votes;
  private final Optional<LiveCounts> liveCounts;

  /**
   * @param liveCounts refreshes the counts shown on poll messages, when that is on
   */
  public VoteIntake(
      PollCatalog catalog,
      Pseudonymizer pseudonyms,
      VoteWriter votes,
      Optional<LiveCounts> liveCounts) {
    this.catalog = catalog;
    this.pseudonyms = pseudonyms;
    this.votes = votes;
    this.liveCounts = liveCounts;
  }

  /**
   * Records a vote for {@code option} on a poll shown in {@code place}. The future completes once
   * the vote is durable or refused, and fails with {@link VoteNotStoredException} if it could not
   * be stored.
   */
  public CompletableFuture<VoteReply> vote(Actor voter, Place place, long pollId, int option) {
    Optional<PollInfo> poll = shown(voter, place, pollId);
    if (poll.isPresent() && (option < 0 || option >= poll.get().options().size())) {
      return refused(poll, VoteOutcome.Status.UNKNOWN_OPTION);
    }
    return submit(voter, poll, id -> VoteRequest.cast(pollId, id, option));
  }

  /** Withdraws the voter's vote from a poll shown in {@code place}; as {@link #vote}. */
  public CompletableFuture<VoteReply> withdraw(Actor voter, Place place, long pollId) {
    return submit(voter, shown(voter, place, pollId), id -> VoteRequest.withdraw(pollId, id));
  }

  private Optional<PollInfo> shown(Actor voter, Place place, long pollId) {
    return catalog
        .get(pollId)
        .filter(p -> p.place().equals(place) && place.platform() == voter.platform());
  }

  private CompletableFuture<VoteReply> submit(
      Actor voter, Optional<PollInfo> poll, Function<VoterId, VoteRequest> request) {
    if (poll.isEmpty()) {
      return refused(poll, VoteOutcome.Status.UNKNOWN_POLL);
    }
    long pollId = poll.get().pollId();
    VoterId id = pseudonyms.voter(voter.platform(), voter.userId(), pollId);
    return votes
        .submit(request.apply(id))
        .thenApply(
            result -> {
              if (result.status().changed()) {
                liveCounts.ifPresent(live -> live.changed(pollId));
              }
              return new VoteReply(poll, outcome(result));
            })
        .exceptionally(
            error -> {
              Throwable cause =
                  error instanceof CompletionException && error.getCause() != null
                      ? error.getCause()
                      : error;
              throw cause instanceof VoteNotRecordedException
                  ? new VoteNotStoredException(cause)
                  : new CompletionException(cause);
            });
  }

  private static VoteOutcome outcome(VoteResult result) {
    VoteOutcome.Status status =
        switch (result.status()) {
          case COUNTED -> VoteOutcome.Status.COUNTED;
          case CHANGED -> VoteOutcome.Status.CHANGED;
          case UNCHANGED -> VoteOutcome.Status.UNCHANGED;
          case WITHDRAWN -> VoteOutcome.Status.WITHDRAWN;
          case NO_VOTE -> VoteOutcome.Status.NO_VOTE;
          case POLL_CLOSED -> VoteOutcome.Status.POLL_CLOSED;
          case UNKNOWN_POLL -> VoteOutcome.Status.UNKNOWN_POLL;
          case UNKNOWN_OPTION -> VoteOutcome.Status.UNKNOWN_OPTION;
        };
    return new VoteOutcome(status, result.previous(), result.current());
  }

  private static CompletableFuture<VoteReply> refused(
      Optional<PollInfo> poll, VoteOutcome.Status status) {
    return CompletableFuture.completedFuture(new VoteReply(poll, VoteOutcome.refused(status)));
  }
}
