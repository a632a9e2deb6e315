package io.pollcast.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * A results announcement in the outbox: the results of an episode to be posted in one place.
 *
 * @param id its id, stable across attempts (the key platforms can check for a second post)
 * @param episodeNumber the episode whose results it announces
 * @param platform where: "console", "discord" or "slack"
 * @param channel the channel there
 * @param updated whether results were announced in this place before (the polls were reopened)
 * @param state where it is on its way
 * @param attempts how many times a deliverer has claimed it
 * @param createdAt when its polls closed
 * @param nextAttemptAt not to be tried before then
 * @param deliveredAt when the platform accepted it
 * @param lastError why the last attempt failed, if it did
 */
public record AnnouncementRow(
    long id,
    int episodeNumber,
    String platform,
    String channel,
    boolean updated,
    AnnouncementState state,
    int attempts,
    Instant createdAt,
    Instant nextAttemptAt,
    Optional<Instant> deliveredAt,
    Optional<String> lastError) {}
