package io.pollcast.web;

/**
 * One reason on the dashboard's reasons page, formatted: never with the member's name, id or
 * pseudonym.
 *
 * @param id the short id, e.g. {@code R7}
 * @param number the row id, posted back by the host's buttons
 * @param round the debate round in words, or empty
 * @param when when it was given
 * @param state the state's name ({@code SHOWN}, {@code FEATURED}, {@code HIDDEN})
 * @param stateText the state in words
 * @param text what the member wrote
 */
public record ReasonLine(
    String id,
    long number,
    String round,
    String when,
    String state,
    String stateText,
    String text) {}
