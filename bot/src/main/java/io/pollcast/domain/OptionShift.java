package io.pollcast.domain;

/**
 * How far one option moved between the rounds of a debate.
 *
 * @param label the option
 * @param points its share after minus its share before, in percentage points, among the members who
 *     voted in both rounds
 */
public record OptionShift(String label, int points) {}
