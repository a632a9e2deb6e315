package io.pollcast.storage;

/**
 * How many members of a thesis voted {@code beforeIndex} in the before round and {@code afterIndex}
 * in the after round, summed over the thesis's polls.
 *
 * @param thesisNumber the thesis
 * @param beforeIndex the option chosen before, from 0
 * @param afterIndex the option chosen after, from 0
 * @param voters how many members did so
 */
public record DebatePair(int thesisNumber, int beforeIndex, int afterIndex, int voters) {}
