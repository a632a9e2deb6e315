package io.pollcast.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Whole percentages that add up to exactly 100, by the largest-remainder method. */
public final class Percentages {
  private Percentages() {}

  /** The share of each count, in the same order; all 0 when there are no votes. */
  public static List<Integer> of(List<Integer> counts) {
    int total = counts.stream().mapToInt(Integer::intValue).sum();
    List<Integer> percents = new ArrayList<>();
    if (total == 0) {
      counts.forEach(c -> percents.add(0));
      return percents;
    }
    int assigned = 0;
    for (int count : counts) {
      int floor = count * 100 / total;
      percents.add(floor);
      assigned += floor;
    }
    List<Integer> byRemainder =
        IntStream.range(0, counts.size())
            .boxed()
            .sorted(
                Comparator.comparingInt((Integer i) -> -(counts.get(i) * 100 % total))
                    .thenComparingInt(i -> i))
            .toList();
    for (int i = 0; assigned < 100; i++, assigned++) {
      int index = byRemainder.get(i % byRemainder.size());
      percents.set(index, percents.get(index) + 1);
    }
    return percents;
  }
}
