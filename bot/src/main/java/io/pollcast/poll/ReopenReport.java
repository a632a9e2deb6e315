package io.pollcast.poll;

import java.time.Instant;
import java.util.Optional;

/**
 * What reopening an episode's polls did.
 *
 * @param episode the episode number
 * @param reopenedPolls how many polls take votes again, over all places
 * @param closesAt when they close by themselves, if scheduled
 */
public record ReopenReport(int episode, int reopenedPolls, Optional<Instant> closesAt) {}
