package io.pollcast.config;

/** How log lines look: {@code pollcast.log.format}. */
public enum LogFormat {
  /** One human-readable line per event (the default). */
  TEXT,
  /** One JSON object per line, for a log shipper. */
  JSON
}
