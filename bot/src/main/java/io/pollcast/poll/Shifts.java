package io.pollcast.poll;

import io.pollcast.domain.OptionShift;
import io.pollcast.domain.Shift;
import java.util.ArrayList;
import java.util.List;

/**
 * The shift arithmetic of a debate: from how many members chose each (before, after) pair of
 * options, each option's share among them before and after (whole percentages that add up to 100,
 * as everywhere in the results) and the difference in points.
 */
public final class Shifts {
  private Shifts() {}

  /**
   * The shift of a thesis.
   *
   * @param labels the options, in option order
   * @param pairs {@code pairs[b][a]}: members who chose option {@code b} before and {@code a}
   *     after; a square array of the labels' size
   */
  public static Shift of(List<String> labels, int[][] pairs) {
    int n = labels.size();
    List<Integer> before = new ArrayList<>();
    List<Integer> after = new ArrayList<>();
    int voters = 0;
    for (int option = 0; option < n; option++) {
      int chose = 0;
      int ended = 0;
      for (int other = 0; other < n; other++) {
        chose += pairs[option][other];
        ended += pairs[other][option];
      }
      before.add(chose);
      after.add(ended);
      voters += chose;
    }
    List<Integer> beforeShares = Percentages.of(before);
    List<Integer> afterShares = Percentages.of(after);
    List<OptionShift> options = new ArrayList<>();
    for (int option = 0; option < n; option++) {
      options.add(
          new OptionShift(labels.get(option), afterShares.get(option) - beforeShares.get(option)));
    }
    return new Shift(voters, options);
  }
}
