package io.pollcast.domain;

import java.util.OptionalInt;

/**
 * What became of a vote or a withdrawal.
 *
 * @param status what happened
 * @param previous the option that counted for the voter before, by index
 * @param current the option that counts for the voter now, by index
 */
public record VoteOutcome(Status status, OptionalInt previous, OptionalInt current) {

  /** What happened to a vote or a withdrawal. */
  public enum Status {
    /** A first vote, now counted. */
    COUNTED,
    /** The voter's earlier vote was replaced. */
    CHANGED,
    /** The voter had already voted for this option; nothing changed. */
    UNCHANGED,
    /** The voter's vote was removed. */
    WITHDRAWN,
    /** A withdrawal, but there was no vote; nothing changed. */
    NO_VOTE,
    /** The poll is closed; nothing changed. */
    POLL_CLOSED,
    /** No such poll where the click came from; nothing changed. */
    UNKNOWN_POLL,
    /** The poll has no such option; nothing changed. */
    UNKNOWN_OPTION;

    /** Whether the stored state changed. */
    public boolean changed() {
      return this == COUNTED || this == CHANGED || this == WITHDRAWN;
    }

    /** Whether the voter's stored vote is now as they asked (stored, or nothing to store). */
    public boolean acknowledged() {
      return this == COUNTED
          || this == CHANGED
          || this == UNCHANGED
          || this == WITHDRAWN
          || this == NO_VOTE;
    }
  }

  /** A request that changed nothing. */
  public static VoteOutcome refused(Status status) {
    return new VoteOutcome(status, OptionalInt.empty(), OptionalInt.empty());
  }
}
