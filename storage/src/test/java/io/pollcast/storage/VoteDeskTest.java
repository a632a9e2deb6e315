package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.storage.VoteJournal.Entry;
import io.pollcast.storage.VoteResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vote desk on a file database: it acknowledges a vote once journaled, while H2 may not have it
 * yet, and still every read, close and restart sees every acknowledged vote.
 *
 * <p>H2 is kept from storing votes by a second session holding the poll's counter rows: the desk
 * reads without locks, the applier behind it updates the counters. That session and the checks of
 * what H2 holds use a {@code Jdbi} of their own, whose handles do not wait for acknowledged votes.
 */
final class VoteDeskTest {
  @TempDir Path dir;
  private Database db;
  private Jdbi plain;
  private long poll;

  @BeforeEach
  void open() {
    db = Database.open(TestDatabases.file(dir));
    TestDatabases.episode68(db);
    poll = TestDatabases.openPoll(db, 1);
    var config = TestDatabases.file(dir);
    plain = Jdbi.create(config.url(), config.user(), config.password());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName("a vote is acknowledged before H2 has it, and a read waits until H2 has it")
  void readsWaitForAcknowledgedVotes() throws Exception {
    AtomicReference<List<OptionCount>> counts = new AtomicReference<>();
    Thread reader = new Thread(() -> counts.set(db.quickReads().counters(poll)), "reader");
    try (Handle lock = lockPoll()) {
      VoteResult result = submit(VoteRequest.cast(poll, voter(1), 0));

      assertThat(result.status()).isEqualTo(Status.COUNTED);
      Await.until(() -> Await.blockedSessions(plain) > 0);
      assertThat(storedVotes()).isZero();
      reader.start();
      Await.until(() -> reader.getState() == Thread.State.TIMED_WAITING);
      lock.rollback();
    }
    reader.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(counts.get()).extracting(OptionCount::votes).containsExactly(1, 0);
    assertThat(storedVotes()).isEqualTo(1);
  }

  @Test
  @DisplayName("a close waits for the acknowledged votes, and a vote after it is refused")
  void closeSettlesAcknowledgedVotesFirst() throws Exception {
    AtomicReference<List<PollRow>> closed = new AtomicReference<>();
    Thread closer =
        new Thread(
            () -> closed.set(db.settled(() -> db.closing().closeEpisode(68, TestDatabases.NOW))),
            "closer");
    CompletableFuture<VoteResult> late;
    try (Handle lock = lockPoll()) {
      assertThat(submit(VoteRequest.cast(poll, voter(1), 1)).status()).isEqualTo(Status.COUNTED);
      Await.until(() -> Await.blockedSessions(plain) > 0);
      closer.start();
      // waiting for the acknowledged vote, with the desk held
      Await.until(() -> closer.getState() == Thread.State.TIMED_WAITING);
      late = db.votes().submit(VoteRequest.cast(poll, voter(2), 0));
      lock.rollback();
    }
    closer.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(closed.get()).hasSize(1);
    assertThat(late.get(30, TimeUnit.SECONDS).status()).isEqualTo(Status.POLL_CLOSED);
    assertThat(db.quickReads().counters(poll)).extracting(OptionCount::votes).containsExactly(0, 1);
  }

  @Test
  @DisplayName("readers waiting for votes cannot take the connections H2 needs to store them")
  void waitingReadersDoNotStarveTheApplier() throws Exception {
    List<Thread> readers = new ArrayList<>();
    List<Long> seen = new CopyOnWriteArrayList<>();
    try (Handle lock = lockPoll()) {
      // one batch held in H2, a second acknowledged behind it
      assertThat(submit(VoteRequest.cast(poll, voter(1), 0)).status()).isEqualTo(Status.COUNTED);
      Await.until(() -> Await.blockedSessions(plain) > 0);
      assertThat(submit(VoteRequest.cast(poll, voter(2), 1)).status()).isEqualTo(Status.COUNTED);
      // more readers than the shared pool has connections, each waiting for both votes
      for (int i = 0; i < 12; i++) {
        Thread reader =
            new Thread(
                () ->
                    seen.add(
                        db.jdbi()
                            .withHandle(
                                h ->
                                    h.createQuery("SELECT COUNT(*) FROM vote")
                                        .mapTo(Long.class)
                                        .one())));
        readers.add(reader);
        reader.start();
      }
      Await.until(() -> readers.stream().allMatch(VoteDeskTest::waiting));
      lock.rollback();
    }
    for (Thread reader : readers) {
      reader.join(TimeUnit.SECONDS.toMillis(30));
    }

    assertThat(seen).hasSize(12).containsOnly(2L);
  }

  private static boolean waiting(Thread thread) {
    return thread.getState() == Thread.State.WAITING
        || thread.getState() == Thread.State.TIMED_WAITING;
  }

  @Test
  @DisplayName("votes left in the journal by a crash are stored at the next start")
  void journaledVotesAreStoredAtStartUp() throws Exception {
    db.close();
    Path file = dir.resolve("pollcast.mv.db");
    try (FileVoteJournal journal = FileVoteJournal.create(file)) {
      journal.append(
          List.of(
              new Entry(1, VoteRequest.cast(poll, voter(1), 0)),
              new Entry(2, VoteRequest.cast(poll, voter(2), 1)),
              new Entry(3, VoteRequest.cast(poll, voter(1), 1)),
              new Entry(4, VoteRequest.cast(poll, voter(3), 0)),
              new Entry(5, VoteRequest.withdraw(poll, voter(3)))),
          0);
    }
    Files.write(FileVoteJournal.path(file, 0), new byte[7], StandardOpenOption.APPEND);

    db = Database.open(TestDatabases.file(dir));

    assertThat(db.quickReads().counters(poll)).extracting(OptionCount::votes).containsExactly(0, 2);
    assertThat(db.polls().counterDifferences()).isEmpty();
    assertThat(Files.size(FileVoteJournal.path(file, 0))).isZero();
    assertThat(submit(VoteRequest.cast(poll, voter(1), 1)).status()).isEqualTo(Status.UNCHANGED);
  }

  @Test
  @DisplayName("a vote that changes nothing is answered without being journaled")
  void unchangedVotesAreNotJournaled() {
    assertThat(submit(VoteRequest.cast(poll, voter(1), 0)).status()).isEqualTo(Status.COUNTED);
    assertThat(submit(VoteRequest.cast(poll, voter(1), 0)).status()).isEqualTo(Status.UNCHANGED);
    assertThat(submit(VoteRequest.withdraw(poll, voter(2))).status()).isEqualTo(Status.NO_VOTE);
    assertThat(submit(VoteRequest.cast(poll, voter(3), 7)).status())
        .isEqualTo(Status.UNKNOWN_OPTION);
    db.votes().awaitAcknowledgedVotes();

    assertThat(db.votes().stats().votes()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "asked to preload, the desk loads the stored ballots before any vote, and all of them")
  void preloadsStoredBallotsWhenAsked() {
    submit(VoteRequest.cast(poll, voter(1), 0));
    db.close();
    db = Database.open(TestDatabases.file(dir));
    assertThat(db.votes().preloaded()).as("nothing is loaded unasked before a vote").isFalse();

    db.votes().preload();
    Await.until(db.votes()::preloaded);
    VoteResult again = submit(VoteRequest.cast(poll, voter(1), 1));

    assertThat(again.status()).as("the stored vote is known").isEqualTo(Status.CHANGED);
  }

  private VoteResult submit(VoteRequest request) {
    return db.votes().submit(request).orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** Holds the poll's counters, which the applier updates with every batch. */
  private Handle lockPoll() {
    Handle lock = plain.open();
    lock.begin();
    lock.createQuery("SELECT votes FROM poll_option WHERE poll_id = :id FOR UPDATE")
        .bind("id", poll)
        .mapTo(Integer.class)
        .list();
    return lock;
  }

  private long storedVotes() {
    return plain.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM vote").mapTo(Long.class).one());
  }
}
