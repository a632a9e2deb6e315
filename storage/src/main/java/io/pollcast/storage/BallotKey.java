package io.pollcast.storage;

/**
 * One voter on one poll: the key of a vote. Public only so that JDBI can bind its methods.
 *
 * @param pollId the poll
 * @param voter the voter's pseudonym
 */
public record BallotKey(long pollId, VoterId voter) {
  /** The pseudonym as stored. */
  public byte[] voterBytes() {
    return voter.bytes();
  }
}
