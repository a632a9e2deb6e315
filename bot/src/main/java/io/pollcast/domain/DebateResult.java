package io.pollcast.domain;

/**
 * The two rounds of a debate thesis and the shift between them.
 *
 * @param round the round the thesis is in: the after round once it opened
 * @param before the counts of the before round
 * @param after the counts of the after round (no votes while the before round runs)
 * @param shift the change among the members who voted in both rounds
 */
public record DebateResult(Round round, RoundTally before, RoundTally after, Shift shift) {}
