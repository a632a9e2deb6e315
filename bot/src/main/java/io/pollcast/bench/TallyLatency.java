package io.pollcast.bench;

import java.util.Collection;
import java.util.function.Supplier;

/** Times a read many times over, after a warm-up, one call after the other. */
final class TallyLatency {
  private TallyLatency() {}

  static Latencies.Summary measure(Supplier<? extends Collection<?>> read, int times) {
    long rows = 0;
    for (int i = 0; i < Math.max(1_000, times / 10); i++) {
      rows += read.get().size();
    }
    Latencies latencies = new Latencies(times);
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      rows += read.get().size();
      latencies.record(i, System.nanoTime() - start);
    }
    if (rows == 0) {
      throw new IllegalStateException("the tally read returned no rows");
    }
    return latencies.summary();
  }
}
