package io.pollcast.bench;

import java.util.List;

/**
 * What one run of {@code pollcast bench} measured.
 *
 * @param machine where and when it ran, and how to run it again
 * @param votes votes cast in each of the two throughput runs
 * @param batch the raw limit's batch size, also the most votes H2 stores per commit behind the vote
 *     desk
 * @param inFlight most votes in flight at once in the vote path's run
 * @param rawPerSecond the raw limit
 * @param pathPerSecond the vote path at its peak: votes acknowledged and stored in H2, per second
 * @param acknowledgedPerSecond the vote path's votes acknowledged per second in that run; the desk
 *     runs ahead of H2 by a bounded number of votes, so this is a little higher
 * @param pathLastTenthPerSecond the vote path over the last tenth of its votes
 * @param meanBatch votes per committed batch in the vote path's peak run, on average
 * @param loads acknowledgement latency at fixed rates, half the vote path's peak first
 * @param storedVotes votes stored when the tallies were timed
 * @param pollOptions reading a poll's options with their counters
 * @param episodeCounters reading an episode's counters per thesis, platform and option
 * @param moderatorTally an episode's whole results as a moderator's tally shows them
 * @param peakHeapBytes the most heap in use
 * @param liveHeapBytes the most heap in use right after a garbage collection
 * @param collections garbage collections during the run
 * @param rawFileBytes the raw limit's database file after its votes
 * @param pathFileBytes the vote path's database file after the same number of votes
 * @param pathFileEndBytes the vote path's database file after all its votes, before closing
 * @param pathFileLargestBytes the largest the vote path's database file was during the peak and
 *     latency runs
 * @param pathFileRestBytes the vote path's database file once those runs stopped and the file
 *     upkeep was done
 * @param sustained the database file while listeners kept changing their votes
 * @param acknowledged votes acknowledged to their voters
 * @param failed votes that failed
 * @param counted votes the counters hold
 * @param countersExact whether every counter equals a recount of the votes
 */
public record BenchFigures(
    Machine machine,
    int votes,
    int batch,
    int inFlight,
    double rawPerSecond,
    double pathPerSecond,
    double acknowledgedPerSecond,
    double pathLastTenthPerSecond,
    double meanBatch,
    List<LoadLatency> loads,
    long storedVotes,
    Latencies.Summary pollOptions,
    Latencies.Summary episodeCounters,
    Latencies.Summary moderatorTally,
    long peakHeapBytes,
    long liveHeapBytes,
    String collections,
    long rawFileBytes,
    long pathFileBytes,
    long pathFileEndBytes,
    long pathFileLargestBytes,
    long pathFileRestBytes,
    SustainedVoting sustained,
    long acknowledged,
    long failed,
    long counted,
    boolean countersExact) {

  /** Makes the list of loads unmodifiable; it must hold the run at half the peak. */
  public BenchFigures {
    loads = List.copyOf(loads);
    if (loads.stream().noneMatch(load -> load.share() == 2)) {
      throw new IllegalArgumentException("no latency run at half the peak");
    }
  }

  /** The latency run at half the peak, which the goal is about. */
  LoadLatency halfPeak() {
    return loads.stream().filter(load -> load.share() == 2).findFirst().orElseThrow();
  }

  double ratio() {
    return pathPerSecond / rawPerSecond;
  }

  boolean noneLost() {
    return failed == 0 && acknowledged == counted && countersExact && sustained.noneLost();
  }
}
