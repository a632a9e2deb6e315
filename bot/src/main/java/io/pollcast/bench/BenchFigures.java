package io.pollcast.bench;

/**
 * What one run of {@code pollcast bench} measured.
 *
 * @param machine where and when it ran, and how to run it again
 * @param votes votes cast in each of the two throughput runs
 * @param batch the vote writer's batch bound, also the raw limit's batch size
 * @param inFlight most votes in flight at once in the vote path's run
 * @param rawPerSecond the raw limit
 * @param pathPerSecond the vote path at its peak
 * @param pathLastTenthPerSecond the vote path over the last tenth of its votes
 * @param meanBatch votes per committed batch in the vote path's peak run, on average
 * @param openLoopPerSecond the fixed rate of the latency run (half the vote path's peak)
 * @param ack acknowledgement latency at that rate, from each vote's scheduled time
 * @param storedVotes votes stored when the tallies were timed
 * @param pollOptions reading a poll's options with their counters
 * @param episodeCounters reading an episode's counters per thesis, platform and option
 * @param peakHeapBytes the most heap in use
 * @param liveHeapBytes the most heap in use right after a garbage collection
 * @param collections garbage collections during the run
 * @param rawFileBytes the raw limit's database file after its votes
 * @param pathFileBytes the vote path's database file after the same number of votes
 * @param pathFileEndBytes the vote path's database file after all its votes, before closing
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
    double pathLastTenthPerSecond,
    double meanBatch,
    double openLoopPerSecond,
    Latencies.Summary ack,
    long storedVotes,
    Latencies.Summary pollOptions,
    Latencies.Summary episodeCounters,
    long peakHeapBytes,
    long liveHeapBytes,
    String collections,
    long rawFileBytes,
    long pathFileBytes,
    long pathFileEndBytes,
    long acknowledged,
    long failed,
    long counted,
    boolean countersExact) {

  double ratio() {
    return pathPerSecond / rawPerSecond;
  }

  boolean noneLost() {
    return failed == 0 && acknowledged == counted && countersExact;
  }
}
