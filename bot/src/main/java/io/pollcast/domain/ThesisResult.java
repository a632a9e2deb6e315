package io.pollcast.domain;

import java.util.List;
import java.util.Map;

/**
 * The tally of one thesis over every place it was posted.
 *
 * @param number the thesis number
 * @param text the thesis
 * @param open whether any of its polls still takes votes
 * @param options the options with counts and percentages
 * @param byPlatform votes per option (in option order) per platform it was posted on
 */
public record ThesisResult(
    int number,
    String text,
    boolean open,
    List<OptionResult> options,
    Map<Platform, List<Integer>> byPlatform) {
  public ThesisResult {
    options = List.copyOf(options);
    byPlatform = Map.copyOf(byPlatform);
  }

  /** How many votes it has: each voter counts once per place. */
  public int voters() {
    return options.stream().mapToInt(OptionResult::votes).sum();
  }
}
