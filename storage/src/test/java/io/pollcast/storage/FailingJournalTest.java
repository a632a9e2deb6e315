package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.storage.VoteResult.Status;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A journal that cannot be written refuses the batch with a clear error and stores nothing. */
final class FailingJournalTest {
  private final Database db = TestDatabases.inMemory();
  private final AtomicBoolean diskFull = new AtomicBoolean(true);
  private final VoteDesk desk;
  private final long poll;

  FailingJournalTest() {
    TestDatabases.episode68(db);
    poll = TestDatabases.openPoll(db, 1);
    desk = VoteDesk.journalingInto(db.jdbi(), new DiskThatFills());
  }

  @AfterEach
  void close() {
    desk.close();
    db.close();
  }

  @Test
  @DisplayName("a vote the journal cannot take is refused, not counted, and may be cast again")
  void failedAppendRefusesTheVote() {
    assertThatThrownBy(() -> submit(VoteRequest.cast(poll, voter(1), 0)))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(VoteNotRecordedException.class)
        .hasMessageContaining("Please try again");

    diskFull.set(false);
    assertThat(submit(VoteRequest.cast(poll, voter(1), 0)).status()).isEqualTo(Status.COUNTED);
    desk.awaitAcknowledgedVotes();
    assertThat(db.quickReads().counters(poll)).extracting(OptionCount::votes).containsExactly(1, 0);
  }

  private VoteResult submit(VoteRequest request) {
    return desk.submit(request).orTimeout(30, TimeUnit.SECONDS).join();
  }

  private final class DiskThatFills implements VoteJournal {
    @Override
    public void append(List<Entry> entries, long appliedSeq) throws IOException {
      if (diskFull.get()) {
        throw new IOException("No space left on device");
      }
    }

    @Override
    public void reset() {}

    @Override
    public void close() {}
  }
}
