package io.pollcast.domain;

/**
 * One option's share of a thesis's votes.
 *
 * @param label the option
 * @param votes its votes, over all platforms
 * @param percent its share, rounded so that the options of a thesis add up to 100 (0 if no votes)
 */
public record OptionResult(String label, int votes, int percent) {}
