package io.pollcast.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings the schema up to date with the versioned migrations (the common ones and the engine's own)
 * before anything else touches the data, and refuses a database whose schema is newer than this
 * Pollcast knows, leaving it untouched.
 */
final class SchemaMigrations {
  private SchemaMigrations() {}

  /**
   * Migrates the database behind {@code dataSource}.
   *
   * @param url the database's URL, named (without a password) in the error
   * @throws StorageException with one line naming {@code pollcast.storage.url} if the schema is
   *     newer than the migrations, or a migration fails
   */
  static void migrate(Engine engine, DataSource dataSource, String url) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", engine.migrations())
            .failOnMissingLocations(true)
            .load();
    MigrationInfo current = flyway.info().current();
    MigrationVersion known = newestKnown(flyway);
    if (current != null
        && current.getVersion() != null
        && current.getVersion().isNewerThan(known.getVersion())) {
      throw new StorageException(
          "The database at "
              + Redaction.url(url)
              + " (pollcast.storage.url) has schema version "
              + current.getVersion()
              + ", newer than this Pollcast knows ("
              + known
              + "): run a newer Pollcast on it, or point pollcast.storage.url elsewhere.");
    }
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      throw new StorageException(
          "Cannot bring the database at "
              + Redaction.url(url)
              + " (pollcast.storage.url) up to date: "
              + StorageException.firstLine(e),
          e);
    }
  }

  private static MigrationVersion newestKnown(Flyway flyway) {
    MigrationVersion newest = MigrationVersion.EMPTY;
    for (MigrationInfo info : flyway.info().all()) {
      boolean local = info.getState().isResolved();
      if (local
          && info.getVersion() != null
          && info.getVersion().isNewerThan(newest.getVersion())) {
        newest = info.getVersion();
      }
    }
    return newest;
  }
}
