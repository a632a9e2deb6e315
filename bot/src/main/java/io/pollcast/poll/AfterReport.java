package io.pollcast.poll;

/**
 * What opening the after round of a debate did.
 *
 * @param episode the episode number
 * @param polls how many polls now take votes in the after round, over all places
 */
public record AfterReport(int episode, int polls) {}
