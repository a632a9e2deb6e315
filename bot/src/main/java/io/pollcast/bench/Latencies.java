package io.pollcast.bench;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, recorded at fixed slots so that recording from many threads needs
 * no lock. Summarised once all are in.
 */
final class Latencies {
  private final long[] nanos;

  Latencies(int slots) {
    nanos = new long[slots];
    Arrays.fill(nanos, -1);
  }

  /** Records the latency of sample {@code slot}; each slot is written by one thread once. */
  void record(int slot, long latencyNanos) {
    nanos[slot] = latencyNanos;
  }

  /** The percentiles of the recorded samples; slots never recorded are left out. */
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
