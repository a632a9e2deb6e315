package io.pollcast.bench;

import java.util.List;

/**
 * How the vote path's database file behaved while listeners who had voted kept changing their
 * votes: the number of stored votes stays the same, so a file that keeps growing would grow with
 * the number of commits rather than with the data.
 *
 * @param electorate listeners changing their votes
 * @param rounds times each of them changed their vote
 * @param perSecond changed votes acknowledged per second
 * @param fileAfterRound the file's size at the end of each round
 * @param largestFile the largest the file was during the rounds
 * @param fileAtRest the file's size once voting stopped and the file upkeep was done
 * @param changed changed votes acknowledged to their voters
 */
record SustainedVoting(
    int electorate,
    int rounds,
    double perSecond,
    List<Long> fileAfterRound,
    long largestFile,
    long fileAtRest,
    long changed) {

  /** Makes the list of sizes unmodifiable. */
  SustainedVoting {
    fileAfterRound = List.copyOf(fileAfterRound);
  }

  /** Whether every change was acknowledged. */
  boolean noneLost() {
    return changed == (long) electorate * rounds;
  }
}
