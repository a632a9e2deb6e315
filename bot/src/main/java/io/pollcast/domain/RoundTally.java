package io.pollcast.domain;

import java.util.List;

/**
 * The counts of one round of a debate thesis, shaped like a thesis's own counts.
 *
 * @param options the options with their votes and percentages in this round
 */
public record RoundTally(List<OptionResult> options) {
  public RoundTally {
    options = List.copyOf(options);
  }

  /** How many votes the round has. */
  public int voters() {
    return options.stream().mapToInt(OptionResult::votes).sum();
  }
}
