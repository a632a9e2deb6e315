package io.pollcast.privacy;

import io.pollcast.domain.PollInfo;
import java.time.Instant;
import java.util.Optional;

/**
 * A member's vote as Pollcast holds it.
 *
 * @param poll the poll
 * @param option the option they chose
 * @param closedAt when the poll closed; empty while it is open
 */
public record HeldVote(PollInfo poll, String option, Optional<Instant> closedAt) {

  /** Whether the poll still takes votes, so that the vote can still be changed. */
  public boolean open() {
    return closedAt.isEmpty();
  }
}
