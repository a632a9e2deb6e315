package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.config.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2's file, grown by many small commits, is compacted while the database stays in use: only once
 * no vote came for the idle time and the file at least doubled, and every vote is still there.
 */
class H2CompactionTest {
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  @Test
  void anIdleGrownFileIsCompactedAndTheDatabaseGoesOnWithEveryVote(@TempDir Path dir)
      throws Exception {
    StorageConfig shared = sharedFile(dir);
    try (Database db = Database.open(shared)) {
      TestDatabases.episode68(db);
      long poll = TestDatabases.openPoll(db, 1);
      AtomicLong now = new AtomicLong();
      H2Compaction compaction = db.compaction(now::get).orElseThrow();
      Path file = dir.resolve("pollcast.mv.db");
      int voters = 0;
      while (Files.size(file) < H2Compaction.SMALLEST_BYTES) {
        voters++;
        db.votes().submit(VoteRequest.cast(poll, voter(voters), voters % 2)).join();
      }

      assertThat(compaction.compactIfIdleAndGrown()).as("votes came since the last look").isEmpty();
      now.addAndGet(9 * MINUTE);
      assertThat(compaction.compactIfIdleAndGrown()).as("idle for 9 minutes").isEmpty();
      now.addAndGet(MINUTE);
      H2Compaction.Compacted compacted = compaction.compactIfIdleAndGrown().orElseThrow();

      assertThat(compacted.bytesAfter()).isLessThan(compacted.bytesBefore() / 4);
      assertThat(Files.size(file)).isEqualTo(compacted.bytesAfter());
      assertThat(compaction.compactIfIdleAndGrown()).as("not grown since").isEmpty();
      assertThat(db.polls().options(poll).stream().mapToInt(OptionCount::votes).sum())
          .isEqualTo(voters);
      assertThat(db.votes().submit(VoteRequest.cast(poll, voter(0), 0)).join().status().changed())
          .isTrue();
      assertThat(db.polls().options(poll).stream().mapToInt(OptionCount::votes).sum())
          .isEqualTo(voters + 1);
      assertThat(db.polls().counterDifferences()).isEmpty();
      try (Database commandLine = Database.open(shared)) {
        assertThat(commandLine.polls().options(poll).stream().mapToInt(OptionCount::votes).sum())
            .as("a command beside the bot after the compaction")
            .isEqualTo(voters + 1);
      }
    }
  }

  /** An H2 file the command line can share with the bot, as the bot's default URL makes it. */
  private static StorageConfig sharedFile(Path dir) {
    StorageConfig file = TestDatabases.file(dir);
    return new StorageConfig(
        file.url() + ";AUTO_SERVER=TRUE", file.user(), file.password(), file.poolSize());
  }

  @Test
  void onlyH2FilesAreCompacted(@TempDir Path dir) {
    try (Database memory = TestDatabases.open(Engine.H2)) {
      assertThat(memory.h2Compaction()).isEmpty();
    }
    try (Database file = Database.open(TestDatabases.file(dir))) {
      assertThat(file.h2Compaction()).isPresent();
    }
  }
}
