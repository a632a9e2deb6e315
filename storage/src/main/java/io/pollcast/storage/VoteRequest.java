package io.pollcast.storage;

import java.util.OptionalInt;

/**
 * A voter's wish for one poll: vote for an option, or withdraw their vote.
 *
 * @param pollId the poll
 * @param voter the voter's pseudonym
 * @param option the option index, or empty to withdraw
 */
public record VoteRequest(long pollId, VoterId voter, OptionalInt option) {

  /** A vote for the option at {@code index}. */
  public static VoteRequest cast(long pollId, VoterId voter, int index) {
    return new VoteRequest(pollId, voter, OptionalInt.of(index));
  }

  /** Withdrawal of the voter's vote. */
  public static VoteRequest withdraw(long pollId, VoterId voter) {
    return new VoteRequest(pollId, voter, OptionalInt.empty());
  }
}
