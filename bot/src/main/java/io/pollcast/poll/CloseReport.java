package io.pollcast.poll;

/**
 * What closing an episode's polls did.
 *
 * @param results the final results
 * @param closedPolls how many polls were closed now, over all places
 */
public record CloseReport(EpisodeResults results, int closedPolls) {}
