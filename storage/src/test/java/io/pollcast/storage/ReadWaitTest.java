package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.config.StorageConfig;
import io.pollcast.storage.VoteResult.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that waits for acknowledged votes H2 cannot store gives up after the desk's read wait with
 * a clear error, gives its connection back, and once H2 can take the votes they are stored and
 * read. H2 is kept from storing them by a session holding the poll's counter rows, as in {@link
 * VoteDeskTest}; the read wait is shortened from 30 s to {@value #READ_WAIT_MILLIS} ms.
 */
final class ReadWaitTest {
  private static final int READ_WAIT_MILLIS = 200;

  @Test
  void aReadThatWaitsInVainFailsClearlyAndGivesItsConnectionBack(@TempDir Path dir)
      throws Exception {
    StorageConfig config = TestDatabases.file(dir);
    try (Database db = Database.open(config, Duration.ofMillis(READ_WAIT_MILLIS))) {
      TestDatabases.episode68(db);
      long poll = TestDatabases.openPoll(db, 1);
      Jdbi plain = Jdbi.create(config.url(), config.user(), config.password());
      try (Handle lock = plain.open()) {
        lock.begin();
        lock.createQuery("SELECT votes FROM poll_option WHERE poll_id = :id FOR UPDATE")
            .bind("id", poll)
            .mapTo(Integer.class)
            .list();
        VoteResult vote =
            db.votes().submit(VoteRequest.cast(poll, voter(1), 0)).get(30, TimeUnit.SECONDS);
        assertThat(vote.status()).isEqualTo(Status.COUNTED);

        // more failed reads than the pool has connections: a leaked one would block the next
        for (int read = 0; read < config.poolSize() + 3; read++) {
          assertThatThrownBy(() -> storedVotes(db))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("not in the database after " + READ_WAIT_MILLIS + " ms")
              .hasMessageContaining("kept in the vote journal");
        }
        lock.rollback();
      }
      Await.until(() -> readsOneVote(db));
      assertThat(db.quickReads().counters(poll))
          .extracting(OptionCount::votes)
          .containsExactly(1, 0);
    }
  }

  private static int storedVotes(Database db) {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vote").mapTo(int.class).one());
  }

  private static boolean readsOneVote(Database db) {
    try {
      return storedVotes(db) == 1;
    } catch (IllegalStateException stillWaiting) {
      return false; // the applier may be backing off before its next attempt
    }
  }
}
