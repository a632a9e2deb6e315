package io.pollcast.storage;

import java.util.Locale;

/**
 * The database engines Pollcast runs on, told apart by the JDBC URL: the embedded H2 file (the
 * default, nothing to install) and PostgreSQL (for communities that outgrow one machine, or run
 * several Pollcast processes).
 */
public enum Engine {
  H2("jdbc:h2:", "h2"),
  POSTGRESQL("jdbc:postgresql:", "postgresql");

  private final String urlPrefix;
  private final String migrations;

  Engine(String urlPrefix, String migrations) {
    this.urlPrefix = urlPrefix;
    this.migrations = migrations;
  }

  /**
   * The engine a JDBC URL names.
   *
   * @throws StorageException naming {@code pollcast.storage.url} for any other URL
   */
  public static Engine of(String url) {
    for (Engine engine : values()) {
      if (url.toLowerCase(Locale.ROOT).startsWith(engine.urlPrefix)) {
        return engine;
      }
    }
    throw new StorageException(
        "pollcast.storage.url must name an H2 or PostgreSQL database (jdbc:h2:... or"
            + " jdbc:postgresql://host:port/name), not "
            + Redaction.url(url));
  }

  /** The folder of migrations written for this engine alone, beside {@code common}. */
  String migrations() {
    return "classpath:db/migration/" + migrations;
  }
}
