package io.pollcast.poll;

import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Round;
import java.util.Optional;

/**
 * The answer to a member who gave or removed a reason.
 *
 * @param poll the poll it was given on; empty when there is no such poll here
 * @param status what happened
 * @param round for a debate, the round the reason counts for
 */
public record ReasonReply(Optional<PollInfo> poll, Status status, Optional<Round> round) {

  /** What giving or removing a reason did. */
  public enum Status {
    /** Stored; the member had none for this thesis and round. */
    GIVEN,
    /** Stored in place of the member's earlier reason. */
    REPLACED,
    /** Removed. */
    REMOVED,
    /** Nothing to remove. */
    NONE,
    /** The member has no vote in the open round; nothing stored. */
    NO_VOTE,
    /** The poll is closed; nothing changed. */
    POLL_CLOSED,
    /** No such poll here; nothing changed. */
    UNKNOWN_POLL
  }

  /** Whether the member's reason is stored now. */
  public boolean stored() {
    return status == Status.GIVEN || status == Status.REPLACED;
  }
}
