package io.pollcast.storage;

/**
 * A net change of one option's counter, written by the vote path. Public only so that JDBI can bind
 * its methods.
 *
 * @param pollId the poll
 * @param option the option, from 0
 * @param delta votes gained (or lost, when negative)
 */
public record CounterChange(long pollId, int option, int delta) {}
