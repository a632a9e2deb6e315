package io.pollcast.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the audit log: a host's or moderator's action.
 *
 * @param id position in the log
 * @param at when it happened
 * @param platform where they acted ("console", "discord", "slack")
 * @param userId the platform's id of the person
 * @param displayName their name there at the time
 * @param action what they did, e.g. "start"
 * @param episode the episode it was about, if any
 * @param detail a short description, e.g. the place
 */
public record AuditEntry(
    long id,
    Instant at,
    String platform,
    String userId,
    String displayName,
    String action,
    Optional<Integer> episode,
    String detail) {}
