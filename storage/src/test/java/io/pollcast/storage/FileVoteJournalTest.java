package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.storage.VoteJournal.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's files: what is read back after a crash, and how they stay bounded. */
final class FileVoteJournalTest {
  @TempDir Path dir;

  private Path database() {
    return dir.resolve("pollcast.mv.db");
  }

  @Test
  @DisplayName("votes are read back in order, withdrawals and options intact")
  void votesAreReadBack() throws IOException {
    List<Entry> written =
        List.of(
            new Entry(1, VoteRequest.cast(7, voter(1), 0)),
            new Entry(2, VoteRequest.withdraw(7, voter(1))),
            new Entry(3, VoteRequest.cast(8, new VoterId(-1, Long.MIN_VALUE), 4)));
    try (FileVoteJournal journal = FileVoteJournal.create(database())) {
      journal.append(written, 0);
    }

    assertThat(FileVoteJournal.recover(database())).isEqualTo(written);
    assertThat(FileVoteJournal.path(database(), 0)).hasFileName("pollcast.votes-0");
  }

  @Test
  @DisplayName("a record cut short or with a wrong checksum ends what is read")
  void tornOrCorruptRecordsEndTheFile() throws IOException {
    try (FileVoteJournal journal = FileVoteJournal.create(database())) {
      journal.append(entries(1, 3), 0);
    }
    Path file = FileVoteJournal.path(database(), 0);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      // a byte of the second record's voter flipped
      channel.write(ByteBuffer.wrap(new byte[] {0x55}), FileVoteJournal.RECORD_BYTES + 20L);
    }
    Files.write(file, new byte[FileVoteJournal.RECORD_BYTES - 1], StandardOpenOption.APPEND);

    assertThat(FileVoteJournal.recover(database())).extracting(Entry::seq).containsExactly(1L);
  }

  @Test
  @DisplayName("a full file is swapped for the other once H2 has every vote in the other")
  void filesAreReusedOnceApplied() throws IOException {
    long full = FileVoteJournal.ROTATE_BYTES / FileVoteJournal.RECORD_BYTES + 1;
    try (FileVoteJournal journal = FileVoteJournal.create(database())) {
      journal.append(entries(1, full), 0);
      journal.append(entries(full + 1, full + 1), 0); // the other file was empty: swapped
      journal.append(entries(full + 2, 2 * full + 1), 0);
      assertThat(FileVoteJournal.recover(database())).hasSize((int) (2 * full + 1));

      journal.append(entries(2 * full + 2, 2 * full + 2), full - 1); // the first is not applied
      assertThat(FileVoteJournal.recover(database())).hasSize((int) (2 * full + 2));

      journal.append(entries(2 * full + 3, 2 * full + 3), full); // now it is: emptied and reused
      assertThat(FileVoteJournal.recover(database()))
          .extracting(Entry::seq)
          .first()
          .isEqualTo(full + 1);
      assertThat(Files.size(FileVoteJournal.path(database(), 0)))
          .isEqualTo(FileVoteJournal.RECORD_BYTES);
    }
  }

  private static List<Entry> entries(long from, long to) {
    return LongStream.rangeClosed(from, to)
        .mapToObj(seq -> new Entry(seq, VoteRequest.cast(1, voter((int) seq), (int) (seq % 2))))
        .toList();
  }
}
