package io.pollcast.bench;

/**
 * What one engine's run measured; the numbers are those of the report's list of measurements.
 *
 * @param engine the engine's name and version, as its JDBC driver reports them
 * @param rawPerSecond 1: the raw batched JDBC limit, votes per second
 * @param path 2 to 4 and the first part of 5, on the vote path's database
 * @param trickle the second part of 5, on a database that took votes a few at a time
 * @param peakHeapBytes 6: the sum of the heap pools' peaks over the engine's whole run
 */
record EngineFigures(
    String engine, double rawPerSecond, Path path, Trickle trickle, long peakHeapBytes) {

  /** The vote path's throughput as a share of the raw limit. */
  double ratio() {
    return path.perSecond() / rawPerSecond;
  }

  /**
   * The vote path's database.
   *
   * @param votes votes cast at the peak
   * @param perSecond 2: votes per second through the vote path at its peak
   * @param votesPerCommit the mean number of votes in each of its transactions meanwhile
   * @param steady 3: acknowledgement latency at the steady rate
   * @param half 3: acknowledgement latency at half the peak
   * @param tally 4: {@code tally(68)}
   * @param options 4: {@code options(poll)}
   * @param bytesOpen 5: its size after the peak, open
   * @param bytesClosed 5: its size after the peak, closed
   * @param failed votes that failed or did not change what was stored as they should have
   * @param countersMatch whether the counters equal a recount of the votes at the end
   */
  record Path(
      int votes,
      double perSecond,
      double votesPerCommit,
      Rate steady,
      Rate half,
      Latencies.Summary tally,
      Latencies.Summary options,
      long bytesOpen,
      long bytesClosed,
      long failed,
      boolean countersMatch) {}

  /**
   * Acknowledgement latency at a fixed rate.
   *
   * @param perSecond the rate
   * @param ack from each vote's due time to its answer
   */
  record Rate(double perSecond, Latencies.Summary ack) {}

  /**
   * The trickle's database.
   *
   * @param run what the trickle did, with the largest size seen meanwhile
   * @param compacted on H2, what compacting the file right after the trickle did, with the database
   *     open as the idle bot does it
   * @param bytesClosed its size once closed
   */
  record Trickle(
      io.pollcast.bench.Trickle.Result run,
      java.util.Optional<io.pollcast.storage.H2Compaction.Compacted> compacted,
      long bytesClosed) {}
}
