package io.pollcast.storage;

import io.pollcast.config.StorageConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Real H2 databases with the real migrations, for tests. */
final class TestDatabases {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");

  private TestDatabases() {}

  static Database inMemory() {
    return Database.open(
        new StorageConfig(
            "jdbc:h2:mem:storage-test-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
            "sa",
            "",
            4));
  }

  static StorageConfig file(Path dir) {
    return new StorageConfig(
        "jdbc:h2:file:" + dir.resolve("pollcast").toAbsolutePath(), "sa", "", 4);
  }

  /** Stores episode 68 with three theses. */
  static void episode68(Database db) {
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

  static long openPoll(Database db, int thesis) {
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

  static VoterId voter(int n) {
    return new VoterId(0x5eed, n);
  }
}
