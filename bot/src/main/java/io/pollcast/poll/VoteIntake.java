package io.pollcast.poll;

import io.pollcast.domain.Actor;
import io.pollcast.domain.PollInfo;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.storage.VoteRequest;
import io.pollcast.storage.VoteResult;
import io.pollcast.storage.VoteWriter;
import io.pollcast.storage.VoterId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Takes a member's vote or withdrawal to the vote writer: checks that the poll exists on the
 * member's platform, turns the member into the poll's pseudonym, and asks for a live count refresh
 * once a change is durable. The hot path of every click: no database read on the caller's thread,
 * only the in-memory catalog and one HMAC. Thread-safe.
 */
final class VoteIntake {
  private final PollCatalog catalog;
  private final Pseudonymizer pseudonyms;
  private final VoteWriter votes;
  private final Optional<LiveCounts> liveCounts;

  VoteIntake(
      PollCatalog catalog,
      Pseudonymizer pseudonyms,
      VoteWriter votes,
      Optional<LiveCounts> liveCounts) {
    this.catalog = catalog;
    this.pseudonyms = pseudonyms;
    this.votes = votes;
    this.liveCounts = liveCounts;
  }

  /** Submits the request built for the voter's pseudonym; see {@link PollService#vote}. */
  CompletableFuture<VoteReply> submit(
      Actor voter, long pollId, Function<VoterId, VoteRequest> request) {
    Optional<PollInfo> poll =
        catalog.get(pollId).filter(p -> p.place().platform() == voter.platform());
    if (poll.isEmpty()) {
      return CompletableFuture.completedFuture(
          new VoteReply(Optional.empty(), VoteResult.refused(VoteResult.Status.UNKNOWN_POLL)));
    }
    VoterId id = pseudonyms.voter(voter.platform(), voter.userId(), pollId);
    return votes
        .submit(request.apply(id))
        .thenApply(
            result -> {
              if (result.status().changed()) {
                liveCounts.ifPresent(live -> live.changed(pollId));
              }
              return new VoteReply(poll, result);
            });
  }
}
