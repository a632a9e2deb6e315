package io.pollcast.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tally of one thesis over every place it was posted.
 *
 * @param number the thesis number
 * @param text the thesis
 * @param open whether any of its polls still takes votes
 * @param options the options with counts and percentages
 * @param byPlatform votes per option (in option order) per platform it was posted on
 * @param debate for a debate, both rounds and the shift; {@code options} then hold the round the
 *     thesis is in
 * @param stances where the hosts stand, if they said
 * @param featured the members' reasons that moderators featured, at most three, without names
 */
public record ThesisResult(
    int number,
    String text,
    boolean open,
    List<OptionResult> options,
    Map<Platform, List<Integer>> byPlatform,
    Optional<DebateResult> debate,
    List<HostStance> stances,
    List<String> featured) {
  public ThesisResult {
    options = List.copyOf(options);
    byPlatform = Map.copyOf(byPlatform);
    stances = List.copyOf(stances);
    featured = List.copyOf(featured);
  }

  /** A thesis without featured reasons. */
  public ThesisResult(
      int number,
      String text,
      boolean open,
      List<OptionResult> options,
      Map<Platform, List<Integer>> byPlatform,
      Optional<DebateResult> debate,
      List<HostStance> stances) {
    this(number, text, open, options, byPlatform, debate, stances, List.of());
  }

  /** A thesis that is no debate and on which no host took a stance. */
  public ThesisResult(
      int number,
      String text,
      boolean open,
      List<OptionResult> options,
      Map<Platform, List<Integer>> byPlatform) {
    this(number, text, open, options, byPlatform, Optional.empty(), List.of());
  }

  /** How many votes it has: each voter counts once per place. */
  public int voters() {
    return options.stream().mapToInt(OptionResult::votes).sum();
  }
}
