package io.pollcast.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stored episode.
 *
 * @param number the episode number, as the podcast counts
 * @param title the episode title
 * @param options the options of its theses; empty means the configured default
 * @param closing the closing rule written in the episode file, if any ("3d", "2026-12-01T20:00")
 * @param importedAt when it was last imported
 */
public record EpisodeRow(
    int number, String title, List<String> options, Optional<String> closing, Instant importedAt) {
  public EpisodeRow {
    options = List.copyOf(options);
  }
}
