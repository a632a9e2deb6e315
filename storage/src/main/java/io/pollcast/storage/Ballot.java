package io.pollcast.storage;

import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * A voter's vote on a poll, as the vote path reads and writes it. Public only so that JDBI can bind
 * its methods; nothing outside storage uses it.
 *
 * @param pollId the poll
 * @param voter the voter's pseudonym
 * @param option the option voted for, from 0
 */
public record Ballot(long pollId, VoterId voter, int option) {
  /** Reads a stored vote. */
  @JdbiConstructor
  public Ballot(long pollId, byte[] voter, int option) {
    this(pollId, VoterId.of(voter), option);
  }

  /** The pseudonym as stored. */
  public byte[] voterBytes() {
    return voter.bytes();
  }

  /** The voter on the poll. */
  public BallotKey key() {
    return new BallotKey(pollId, voter);
  }
}
