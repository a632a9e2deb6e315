package io.pollcast.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, each written once into its own slot so that many threads can
 * record without a lock; summarised once all are in.
 */
final class Latencies {
  private final long[] nanos;

  Latencies(int slots) {
    nanos = new long[slots];
    Arrays.fill(nanos, -1);
  }

  /** Records sample {@code slot}. */
  void record(int slot, long latencyNanos) {
    nanos[slot] = latencyNanos;
  }

  /** Times {@code calls} calls of {@code call} after {@code warmUp} calls that are not counted. */
  static Summary time(int warmUp, int calls, Runnable call) {
    for (int i = 0; i < warmUp; i++) {
      call.run();
    }
    Latencies latencies = new Latencies(calls);
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.run();
      latencies.record(i, System.nanoTime() - start);
    }
    return latencies.summary();
  }

  /** The percentiles of the samples recorded; slots never recorded are left out. */
  Summary summary() {
    long[] sorted = Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray();
    return new Summary(
        sorted.length, at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), at(sorted, 1.0));
  }

  private static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /**
   * Percentiles in milliseconds.
   *
   * @param samples how many samples
   * @param p50 median
   * @param p99 99th percentile
   * @param p999 99.9th percentile
   * @param max the largest
   */
  record Summary(int samples, double p50, double p99, double p999, double max) {}
}
