package io.pollcast.privacy;

/**
 * What one run of {@link Retention} removed.
 *
 * @param polls closed polls whose per-voter rows were removed
 * @param rows per-voter rows removed
 */
public record RetentionReport(int polls, int rows) {}
