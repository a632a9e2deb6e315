package io.pollcast.storage;

import io.pollcast.config.StorageConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases with the real migrations, for tests: a fresh H2 in memory or file, or a fresh
 * schema on the PostgreSQL server that {@code scripts/with-postgres} (run by {@code ./run-tests})
 * starts and names in {@code POLLCAST_TEST_POSTGRES_URL}.
 */
public final class TestDatabases {
  /** The variable that names the PostgreSQL server for the tests. */
  public static final String POSTGRES_URL_VARIABLE = "POLLCAST_TEST_POSTGRES_URL";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String SCHEMA_PREFIX = "t" + ProcessHandle.current().pid() + "_";
  public static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");

  private TestDatabases() {}

  /** The settings of a new, empty database on {@code engine}. */
  public static StorageConfig fresh(Engine engine) {
    return switch (engine) {
      case H2 ->
          new StorageConfig(
              "jdbc:h2:mem:storage-test-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
              "sa",
              "",
              4);
      case POSTGRESQL -> freshPostgresSchema();
    };
  }

  /** Opens a new, empty database on {@code engine}. */
  public static Database open(Engine engine) {
    return Database.open(fresh(engine));
  }

  /** An H2 file database in {@code dir}. */
  public static StorageConfig file(Path dir) {
    return new StorageConfig(
        "jdbc:h2:file:" + dir.resolve("pollcast").toAbsolutePath(), "sa", "", 4);
  }

  /** A new schema on the tests' PostgreSQL server, as the default schema of the URL. */
  private static StorageConfig freshPostgresSchema() {
    String server = System.getenv(POSTGRES_URL_VARIABLE);
    if (server == null || server.isBlank()) {
      throw new IllegalStateException(
          "No PostgreSQL server for the tests: run ./run-tests, which starts one, or set "
              + POSTGRES_URL_VARIABLE
              + " to a jdbc:postgresql:// URL (user pollcast, no password)");
    }
    String schema = SCHEMA_PREFIX + COUNTER.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(server, "pollcast", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a schema at " + server, e);
    }
    String separator = server.contains("?") ? "&" : "?";
    return new StorageConfig(server + separator + "currentSchema=" + schema, "pollcast", "", 4);
  }

  /** Stores episode 68 with three theses. */
  public static void episode68(Database db) {
    db.episodes()
        .save(
            new EpisodeRow(
                68, "Personalisatie, profiling en privacy", List.of(), Optional.empty(), NOW),
            List.of(
                new ThesisRow(
                    68, 1, "Bedrijven die niet aan personalisatie doen, missen de boot", ""),
                new ThesisRow(68, 2, "Personalisatie gaat altijd ten koste van privacy", ""),
                new ThesisRow(
                    68,
                    3,
                    "Over vijf jaar is geautomatiseerde personalisatie misschien niet meer haalbaar",
                    "")));
  }

  /** Opens thesis {@code thesis} of episode 68 as a poll in the console. */
  public static long openPoll(Database db, int thesis) {
    return db.polls()
        .open(
            new NewPoll(
                68,
                thesis,
                "console",
                "console",
                List.of("Eens", "Oneens"),
                NOW,
                Optional.empty()));
  }

  /** A voter's pseudonym, made from a number. */
  public static VoterId voter(int n) {
    return new VoterId(0x5eed, n);
  }
}
