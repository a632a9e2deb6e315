package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.config.StorageConfig;
import io.pollcast.storage.JournalApplier.Accepted;
import io.pollcast.storage.VoteResult.Status;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The applier writes what the desk decided without reading; when a row is not as decided, it stores
 * the batch the careful way rather than fail or skew a counter.
 */
final class JournalApplierTest {
  private final String url = "jdbc:h2:mem:applier-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
  private final Database db = Database.open(new StorageConfig(url, "sa", "", 4));
  private final long poll;
  private final Jdbi jdbi = db.jdbi();

  JournalApplierTest() {
    TestDatabases.episode68(db);
    poll = TestDatabases.openPoll(db, 1);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  @DisplayName("decided votes are written with their counters")
  void decidedVotesAreWritten() {
    List<Accepted> stored =
        store(
            new Accepted(1, VoteRequest.cast(poll, voter(1), 0), counted(0)),
            new Accepted(2, VoteRequest.cast(poll, voter(2), 1), counted(1)),
            new Accepted(3, VoteRequest.cast(poll, voter(1), 1), changed(0, 1)),
            new Accepted(4, VoteRequest.withdraw(poll, voter(2)), withdrawn(1)));

    assertThat(stored).extracting(Accepted::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(counters()).containsExactly(0, 1);
    assertThat(db.polls().counterDifferences()).isEmpty();
  }

  @Test
  @DisplayName("a first vote for a voter who has one already is stored as a change")
  void insertOverAnExistingVoteFallsBack() {
    db.votes().submit(VoteRequest.cast(poll, voter(1), 0)).join();

    store(new Accepted(1, VoteRequest.cast(poll, voter(1), 1), counted(1)));

    assertThat(counters()).containsExactly(0, 1);
    assertThat(db.polls().counterDifferences()).isEmpty();
  }

  @Test
  @DisplayName("a change from an option the voter no longer has is stored as it really is")
  void updateFromAnotherOptionFallsBack() {
    db.votes().submit(VoteRequest.cast(poll, voter(1), 1)).join();

    store(new Accepted(1, VoteRequest.withdraw(poll, voter(1)), withdrawn(0)));

    assertThat(counters()).containsExactly(0, 0);
    assertThat(db.polls().counterDifferences()).isEmpty();
  }

  @Test
  @DisplayName("a vote on a poll closed without the desk's knowing is refused, not counted")
  void voteOnAPollClosedBehindTheDeskIsNotCounted() {
    db.polls().close(68, TestDatabases.NOW);

    store(new Accepted(1, VoteRequest.cast(poll, voter(1), 0), counted(0)));

    assertThat(counters()).containsExactly(0, 0);
  }

  @Test
  @DisplayName("a batch H2 refuses for a while is tried again until it is stored")
  void failedBatchIsTriedAgain() {
    jdbi.useHandle(h -> h.execute("SET DEFAULT_LOCK_TIMEOUT 50"));
    Jdbi shortWaits = Jdbi.create(url, "sa", "");
    List<Accepted> stored = new CopyOnWriteArrayList<>();
    try (Handle lock = jdbi.open();
        JournalApplier applier = new JournalApplier(shortWaits, stored::addAll)) {
      lock.begin();
      lock.createQuery("SELECT votes FROM poll_option WHERE poll_id = :p FOR UPDATE")
          .bind("p", poll)
          .mapTo(Integer.class)
          .list();

      applier.apply(List.of(new Accepted(1, VoteRequest.cast(poll, voter(1), 0), counted(0))));
      Await.until(() -> applier.failedAttempts() >= 2);
      assertThat(stored).isEmpty();
      lock.rollback();

      Await.until(() -> stored.size() == 1);
    }
    assertThat(counters()).containsExactly(1, 0);
  }

  private List<Accepted> store(Accepted... votes) {
    List<Accepted> stored = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> all = new CompletableFuture<>();
    long last = votes[votes.length - 1].seq();
    try (JournalApplier applier =
        new JournalApplier(
            jdbi,
            batch -> {
              stored.addAll(batch);
              if (batch.get(batch.size() - 1).seq() == last) {
                all.complete(null);
              }
            })) {
      applier.apply(List.of(votes));
      all.orTimeout(30, TimeUnit.SECONDS).join();
      return stored;
    }
  }

  private List<Integer> counters() {
    return db.quickReads().counters(poll).stream().map(OptionCount::votes).toList();
  }

  private static VoteResult counted(int option) {
    return new VoteResult(Status.COUNTED, OptionalInt.empty(), OptionalInt.of(option));
  }

  private static VoteResult changed(int from, int to) {
    return new VoteResult(Status.CHANGED, OptionalInt.of(from), OptionalInt.of(to));
  }

  private static VoteResult withdrawn(int from) {
    return new VoteResult(Status.WITHDRAWN, OptionalInt.of(from), OptionalInt.empty());
  }
}
