package io.pollcast.storage;

/** The round a debate poll takes votes in, as stored in {@code poll.debate_round}. */
public enum DebateRound {
  /** Before listening: the first round. */
  BEFORE,
  /** After listening: the second round, opened by a host or at a scheduled time. */
  AFTER
}
