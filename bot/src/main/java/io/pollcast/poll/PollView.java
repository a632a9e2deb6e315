package io.pollcast.poll;

import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Round;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A poll as a platform shows it.
 *
 * @param info where and what it is
 * @param text the thesis
 * @param context the paragraph under the thesis in the show notes; may be empty
 * @param closesAt when it closes by itself, if scheduled
 * @param open whether it takes votes
 * @param counts votes per option, in option order; empty while results are hidden
 * @param turnout how many have voted, shown on an open poll instead of the counts when the live
 *     results are {@code turnout}
 * @param round for a debate, the round it takes votes in (or took them in last)
 */
public record PollView(
    PollInfo info,
    String text,
    String context,
    Optional<Instant> closesAt,
    boolean open,
    Optional<List<Integer>> counts,
    Optional<Integer> turnout,
    Optional<Round> round) {
  public PollView {
    counts = counts.map(List::copyOf);
  }

  /** A view of a poll that is not a debate. */
  public PollView(
      PollInfo info,
      String text,
      String context,
      Optional<Instant> closesAt,
      boolean open,
      Optional<List<Integer>> counts,
      Optional<Integer> turnout) {
    this(info, text, context, closesAt, open, counts, turnout, Optional.empty());
  }

  /** A view without a turnout of its own. */
  public PollView(
      PollInfo info,
      String text,
      String context,
      Optional<Instant> closesAt,
      boolean open,
      Optional<List<Integer>> counts) {
    this(info, text, context, closesAt, open, counts, Optional.empty());
  }
}
