package io.pollcast.poll;

import io.pollcast.domain.EpisodeResults;

/**
 * What closing an episode's polls did.
 *
 * @param results the final results
 * @param closedPolls how many polls were closed now, over all places
 * @param announced whether every platform accepted the results announcement before the report was
 *     made; if not, the announcement is in the outbox and is posted later
 */
public record CloseReport(EpisodeResults results, int closedPolls, boolean announced) {}
