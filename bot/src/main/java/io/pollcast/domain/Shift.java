package io.pollcast.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whose minds moved in a debate: the change of each option's share, counted only over the members
 * who voted in both rounds (as the Soho Forum counts). The option that gained most "moved the most
 * minds", unless its gain is under {@value #DEAD_HEAT_POINTS} points: then it is a dead heat.
 *
 * @param voters how many members voted in both rounds
 * @param options each option's change, in option order; the points add up to 0
 */
public record Shift(int voters, List<OptionShift> options) {
  /** A gain under this many percentage points is a dead heat. */
  public static final int DEAD_HEAT_POINTS = 5;

  public Shift {
    options = List.copyOf(options);
  }

  /**
   * The option that moved the most minds: the one that gained most, if it gained at least {@value
   * #DEAD_HEAT_POINTS} points and no other gained as much.
   */
  public Optional<OptionShift> mover() {
    Optional<OptionShift> best = options.stream().max(Comparator.comparingInt(OptionShift::points));
    if (best.isEmpty() || best.get().points() < DEAD_HEAT_POINTS) {
      return Optional.empty();
    }
    long tied = options.stream().filter(o -> o.points() == best.get().points()).count();
    return tied == 1 ? best : Optional.empty();
  }

  /** Whether members voted in both rounds but no option moved the most minds. */
  public boolean deadHeat() {
    return voters > 0 && mover().isEmpty();
  }

  /** The largest gain of any option, 0 when none gained. */
  public int largestGain() {
    return options.stream().mapToInt(OptionShift::points).max().orElse(0);
  }
}
