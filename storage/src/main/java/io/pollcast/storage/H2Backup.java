package io.pollcast.storage;

import io.pollcast.config.StorageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Backups of an H2 database: {@link #backup} copies a consistent snapshot of the open database into
 * a zip with H2's own {@code BACKUP TO}, while the bot goes on writing; {@link #restore} puts the
 * database file of such a zip where {@code pollcast.storage.url} points, if no data is there yet.
 * The voter key is not in the backup: it is kept apart on purpose.
 */
public final class H2Backup {
  private static final String H2_EXTENSION = ".mv.db";

  private H2Backup() {}

  /**
   * Writes a consistent copy of {@code db} to {@code zip}. The path is made absolute here: with
   * {@code AUTO_SERVER} the running bot's process writes the file, from its own working folder.
   *
   * @throws StorageException if the file cannot be written
   */
  public static void backup(Database db, Path zip) {
    if (db.engine() != Engine.H2) {
      throw new IllegalArgumentException("BACKUP TO is H2's; PostgreSQL has pg_dump");
    }
    String target = zip.toAbsolutePath().toString().replace("'", "''");
    try {
      db.jdbi().useHandle(handle -> handle.execute("BACKUP TO '" + target + "'"));
    } catch (RuntimeException e) {
      throw new StorageException("Cannot write the backup to " + zip + ": " + e.getMessage(), e);
    }
  }

  /**
   * Restores the database in {@code zip} to the H2 file that {@code config} names, which must hold
   * no data yet (no file, or a database without episodes); opening it afterwards brings an older
   * backup's schema up to date.
   *
   * @throws StorageException if the URL names no H2 file, the database there holds data, or the zip
   *     holds no H2 database
   */
  public static void restore(StorageConfig config, Path zip) {
    Path database =
        config
            .h2File()
            .orElseThrow(
                () ->
                    new StorageException(
                        "pollcast restore puts a backup into an H2 file, and"
                            + " pollcast.storage.url names none: "
                            + Redaction.url(config.url())));
    Path file = Path.of(database + H2_EXTENSION);
    try (BotLock lock = BotLock.acquire(config.url())) {
      if (Files.exists(file)) {
        refuseIfItHoldsData(config, file);
      }
      extract(zip, file);
    } catch (IOException e) {
      throw new StorageException(
          "Cannot restore " + zip + " to " + file + ": " + e.getMessage(), e);
    }
  }

  private static void refuseIfItHoldsData(StorageConfig config, Path file) {
    boolean holdsData;
    try (Database existing = Database.open(config)) {
      holdsData = existing.episodes().any();
    }
    if (holdsData) {
      throw new StorageException(
          "The database "
              + file
              + " (pollcast.storage.url) already holds episodes; restore into an empty one: point"
              + " pollcast.storage.url at a new folder, or move that database away first.");
    }
  }

  private static void extract(Path zip, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        if (!entry.isDirectory() && entry.getName().endsWith(H2_EXTENSION)) {
          Path parent = file.toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          Files.copy(entries, file, StandardCopyOption.REPLACE_EXISTING);
          return;
        }
      }
    }
    throw new StorageException(
        zip + " holds no H2 database (a file ending in " + H2_EXTENSION + ")");
  }
}
