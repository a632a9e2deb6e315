package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tallies read on the handle kept open for them see every commit and survive a lost connection. */
final class QuickReadsTest {
  private final Database db = TestDatabases.inMemory();
  private final VoteWriter writer = new VoteWriter(db.jdbi());
  private final long poll;

  QuickReadsTest() {
    TestDatabases.episode68(db);
    poll = TestDatabases.openPoll(db, 1);
  }

  @AfterEach
  void close() {
    writer.close();
    db.close();
  }

  @Test
  @DisplayName("a read on the open handle sees each vote as soon as it is acknowledged")
  void seesEveryCommit() {
    for (int n = 1; n <= 3; n++) {
      writer.submit(VoteRequest.cast(poll, voter(n), n % 2)).join();

      assertThat(counts()).isEqualTo(db.polls().options(poll));
      assertThat(counts()).extracting(OptionCount::votes).containsExactly(n / 2, (n + 1) / 2);
      assertThat(db.quickReads().tally(68))
          .extracting(TallyRow::votes)
          .containsExactly(n / 2, (n + 1) / 2);
    }
  }

  @Test
  @DisplayName("a read whose connection was closed opens a new one and answers")
  void reopensABrokenHandle() throws SQLException {
    writer.submit(VoteRequest.cast(poll, voter(1), 0)).join();
    java.util.Optional<PollRow> found = db.quickReads().read(stores -> stores.polls().find(poll));
    assertThat(found).isPresent();

    db.quickReads().connectionForTests().close();
    assertThat(counts()).extracting(OptionCount::votes).containsExactly(1, 0);

    db.quickReads().connectionForTests().close();
    int voters = db.quickReads().read(stores -> stores.polls().voters(poll));
    assertThat(voters).isEqualTo(1);
  }

  private java.util.List<OptionCount> counts() {
    return db.quickReads().counters(poll);
  }
}
