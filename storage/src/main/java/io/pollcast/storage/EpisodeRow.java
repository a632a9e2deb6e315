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
 * @param debate whether its notes ask for a debate: votes before and after listening
 */
public record EpisodeRow(
    int number,
    String title,
    List<String> options,
    Optional<String> closing,
    Instant importedAt,
    boolean debate) {
  public EpisodeRow {
    options = List.copyOf(options);
  }

  /** An episode whose notes ask for no debate. */
  public EpisodeRow(
      int number,
      String title,
      List<String> options,
      Optional<String> closing,
      Instant importedAt) {
    this(number, title, options, closing, importedAt, false);
  }
}
