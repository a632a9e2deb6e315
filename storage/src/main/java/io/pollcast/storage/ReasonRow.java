package io.pollcast.storage;

import java.time.Instant;

/**
 * A member's reason for a vote as stored, without the member: the voter pseudonym never leaves the
 * database.
 *
 * @param id the row id, shown to moderators as {@code R<id>}
 * @param thesisNumber the thesis of the poll it was given on
 * @param round the round it counts for: {@code NONE} outside a debate, else {@code BEFORE} or
 *     {@code AFTER}
 * @param text what the member wrote, at most {@value ReasonStore#MAX_LENGTH} characters
 * @param state {@code SHOWN}, {@code FEATURED} or {@code HIDDEN}
 * @param givenAt when it was given (or last replaced)
 */
public record ReasonRow(
    long id, int thesisNumber, String round, String text, String state, Instant givenAt) {}
