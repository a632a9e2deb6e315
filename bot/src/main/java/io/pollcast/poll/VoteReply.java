package io.pollcast.poll;

import io.pollcast.domain.PollInfo;
import io.pollcast.domain.VoteOutcome;
import java.util.Optional;

/**
 * The answer to a voter, once their vote is durable or refused.
 *
 * @param poll the poll voted on; empty when there is no such poll
 * @param result what happened
 */
public record VoteReply(Optional<PollInfo> poll, VoteOutcome result) {

  /** The label of the option that counts now, if any. */
  public Optional<String> currentLabel() {
    return label(result.current());
  }

  /** The label of the option that counted before, if any. */
  public Optional<String> previousLabel() {
    return label(result.previous());
  }

  private Optional<String> label(java.util.OptionalInt index) {
    return poll.filter(p -> index.isPresent()).map(p -> p.options().get(index.getAsInt()));
  }
}
