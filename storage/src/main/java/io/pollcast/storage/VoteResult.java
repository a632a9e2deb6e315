package io.pollcast.storage;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What became of a {@link VoteRequest}, known only once it is durable (or refused).
 *
 * @param status what happened
 * @param previous the option that counted before, if any
 * @param current the option that counts now, if any
 * @param round the debate round the request counted in (or was refused in); empty outside a debate
 */
public record VoteResult(
    Status status, OptionalInt previous, OptionalInt current, Optional<DebateRound> round) {

  /** The result of a request on a poll that is not a debate. */
  public VoteResult(Status status, OptionalInt previous, OptionalInt current) {
    this(status, previous, current, Optional.empty());
  }

  /** This result, as counted in the given debate round. */
  public VoteResult in(Optional<DebateRound> debateRound) {
    return new VoteResult(status, previous, current, debateRound);
  }

  /** What happened to the request. */
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
    /** No such poll; nothing changed. */
    UNKNOWN_POLL,
    /** The poll has no such option; nothing changed. */
    UNKNOWN_OPTION;

    /** Whether the stored state changed. */
    public boolean changed() {
      return this == COUNTED || this == CHANGED || this == WITHDRAWN;
    }
  }

  /** A request that changed nothing: no option counted before or after. */
  public static VoteResult refused(Status status) {
    return new VoteResult(status, OptionalInt.empty(), OptionalInt.empty());
  }
}
