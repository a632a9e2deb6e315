package io.pollcast.privacy;

import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Round;
import java.time.Instant;
import java.util.Optional;

/**
 * A member's vote as Pollcast holds it.
 *
 * @param poll the poll
 * @param option the option they chose
 * @param closedAt when the poll closed; empty while it is open
 * @param round for a debate, the round the vote was cast in
 */
public record HeldVote(
    PollInfo poll, String option, Optional<Instant> closedAt, Optional<Round> round) {

  /** A vote on a poll that is not a debate. */
  public HeldVote(PollInfo poll, String option, Optional<Instant> closedAt) {
    this(poll, option, closedAt, Optional.empty());
  }

  /** Whether the poll still takes votes, so that the vote can still be changed. */
  public boolean open() {
    return closedAt.isEmpty() && round.filter(r -> r == Round.BEFORE).isEmpty();
  }
}
