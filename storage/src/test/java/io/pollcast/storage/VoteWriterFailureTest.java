package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.storage.VoteResult.Status;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A batch that the database refuses answers every voter in it and leaves nothing half-written. */
@ParameterizedClass
@EnumSource(Engine.class)
final class VoteWriterFailureTest {
  private final FullBatches batches;
  private final Database db;
  private final VoteWriter writer;
  private final long poll;

  VoteWriterFailureTest(Engine engine) {
    batches = new FullBatches(engine);
    db = batches.db;
    writer = batches.writer;
    poll = batches.poll;
  }

  @AfterEach
  void close() {
    batches.close();
  }

  @Test
  @DisplayName("a constraint violation late in a batch fails every vote in it and writes nothing")
  void constraintViolationFailsTheWholeBatch() {
    // given voter 1's vote, and a counter that no longer matches it
    batches.writeBatch(
        VoteRequest.cast(poll, voter(1), 0),
        VoteRequest.cast(poll, voter(90), 1),
        VoteRequest.cast(poll, voter(91), 1),
        VoteRequest.withdraw(poll, voter(91)));
    db.jdbi().useHandle(h -> h.execute("UPDATE poll_option SET votes = 0 WHERE idx = 0"));
    List<Row> before = votes();

    // when a batch adds three votes, then withdraws voter 1: the counter would go below zero
    List<CompletableFuture<VoteResult>> batch =
        List.of(
            writer.submit(VoteRequest.cast(poll, voter(2), 1)),
            writer.submit(VoteRequest.cast(poll, voter(3), 1)),
            writer.submit(VoteRequest.cast(poll, voter(4), 1)),
            writer.submit(VoteRequest.withdraw(poll, voter(1))));

    // then every voter is told, and neither the votes nor the first counter update remain
    for (CompletableFuture<VoteResult> result : batch) {
      assertThatThrownBy(result::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(VoteNotRecordedException.class)
          .hasMessageContaining("Please try again");
    }
    assertThat(votes()).isEqualTo(before);
    assertThat(batches.counts()).containsExactly(0, 1);
    assertThat(writer.stats().batches()).isEqualTo(1);
  }

  @Test
  void afterAFailedBatchTheWriterGoesOnAndRetriedVotesCountOnce() {
    batches.writeBatch(
        VoteRequest.cast(poll, voter(1), 0),
        VoteRequest.cast(poll, voter(90), 1),
        VoteRequest.cast(poll, voter(91), 1),
        VoteRequest.withdraw(poll, voter(91)));
    db.jdbi().useHandle(h -> h.execute("UPDATE poll_option SET votes = 0 WHERE idx = 0"));
    VoteRequest[] requests = {
      VoteRequest.cast(poll, voter(2), 1),
      VoteRequest.cast(poll, voter(3), 1),
      VoteRequest.cast(poll, voter(4), 1),
      VoteRequest.withdraw(poll, voter(1))
    };
    List<CompletableFuture<VoteResult>> failed =
        java.util.Arrays.stream(requests).map(writer::submit).toList();
    for (CompletableFuture<VoteResult> result : failed) {
      assertThatThrownBy(result::join).hasCauseInstanceOf(VoteNotRecordedException.class);
    }

    // an operator repairs the counter; the voters try again, and again (an answer got lost)
    db.jdbi().useHandle(h -> h.execute("UPDATE poll_option SET votes = 1 WHERE idx = 0"));
    List<VoteResult> retried = batches.writeBatch(requests);
    List<VoteResult> again = batches.writeBatch(requests);

    assertThat(retried)
        .extracting(VoteResult::status)
        .containsExactly(Status.COUNTED, Status.COUNTED, Status.COUNTED, Status.WITHDRAWN);
    assertThat(again)
        .extracting(VoteResult::status)
        .containsExactly(Status.UNCHANGED, Status.UNCHANGED, Status.UNCHANGED, Status.NO_VOTE);
    assertThat(batches.counts()).containsExactly(0, 4);
    assertThat(db.polls().counterDifferences()).isEmpty();
  }

  @Test
  @DisplayName("an Error in a batch fails its votes and the writer goes on with the next batch")
  void anErrorFailsItsBatchAndTheWriterLivesOn() {
    AtomicBoolean armed = new AtomicBoolean(true);
    db.jdbi()
        .addCustomizer(
            new StatementCustomizer() {
              @Override
              public void beforeExecution(PreparedStatement statement, StatementContext context) {
                if (armed.getAndSet(false)) {
                  throw new OutOfMemoryError("simulated");
                }
              }
            });

    List<CompletableFuture<VoteResult>> failed =
        List.of(
            writer.submit(VoteRequest.cast(poll, voter(1), 0)),
            writer.submit(VoteRequest.cast(poll, voter(2), 0)),
            writer.submit(VoteRequest.cast(poll, voter(3), 1)),
            writer.submit(VoteRequest.cast(poll, voter(4), 1)));
    for (CompletableFuture<VoteResult> result : failed) {
      // bounded, so that a writer thread that died fails this test instead of hanging it
      assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(VoteNotRecordedException.class);
    }

    List<VoteResult> retried =
        batches.writeBatch(
            VoteRequest.cast(poll, voter(1), 0),
            VoteRequest.cast(poll, voter(2), 0),
            VoteRequest.cast(poll, voter(3), 1),
            VoteRequest.cast(poll, voter(4), 1));
    assertThat(retried).extracting(VoteResult::status).containsOnly(Status.COUNTED);
    assertThat(batches.counts()).containsExactly(2, 2);
  }

  @Test
  void aDatabaseThatIsGoneFailsEveryVoteInTheBatch() {
    db.close();

    List<CompletableFuture<VoteResult>> batch =
        List.of(
            writer.submit(VoteRequest.cast(poll, voter(1), 0)),
            writer.submit(VoteRequest.cast(poll, voter(2), 0)),
            writer.submit(VoteRequest.cast(poll, voter(3), 1)),
            writer.submit(VoteRequest.cast(poll, voter(4), 1)));

    for (CompletableFuture<VoteResult> result : batch) {
      assertThatThrownBy(result::join).cause().isInstanceOf(VoteNotRecordedException.class);
    }
  }

  @Test
  void aFullBatchClosesWithoutWaitingForItsLinger() {
    List<VoteResult> results =
        batches.writeBatch(
            VoteRequest.cast(poll, voter(1), 0),
            VoteRequest.cast(poll, voter(2), 0),
            VoteRequest.cast(poll, voter(3), 1),
            VoteRequest.cast(poll, voter(1), 1));

    assertThat(results)
        .extracting(VoteResult::status)
        .containsExactly(Status.COUNTED, Status.COUNTED, Status.COUNTED, Status.CHANGED);
    assertThat(writer.stats())
        .extracting(VoteWriter.Stats::batches, VoteWriter.Stats::votes)
        .containsExactly(1L, (long) FullBatches.SIZE);
    assertThat(writer.stats().busyNanos()).isPositive();
  }

  @Test
  void aBatchThatIsNotFullClosesWhenItsLingerEnds() {
    try (VoteWriter lingering = new VoteWriter(db.jdbi(), 1_000, Duration.ofMillis(20))) {
      VoteResult result = lingering.submit(VoteRequest.cast(poll, voter(1), 0)).join();

      assertThat(result.status()).isEqualTo(Status.COUNTED);
      assertThat(lingering.stats())
          .extracting(VoteWriter.Stats::batches, VoteWriter.Stats::votes)
          .containsExactly(1L, 1L);
    }
  }

  @Test
  void aVoteThatArrivesAloneDoesNotWaitForTheDefaultKindOfLinger() {
    try (VoteWriter writer = new VoteWriter(db.jdbi(), 1_000, Duration.ofMinutes(5), true)) {
      VoteResult result =
          writer.submit(VoteRequest.cast(poll, voter(1), 0)).orTimeout(30, TimeUnit.SECONDS).join();

      assertThat(result.status()).isEqualTo(Status.COUNTED);
    }
  }

  @Test
  void votesThatFindOthersWaitingLingerForMore() {
    try (VoteWriter writer = new VoteWriter(db.jdbi(), 3, Duration.ofMinutes(5), true);
        Handle lock = db.jdbi().open()) {
      // given a writer held up on the poll's row, with two votes queued behind its first batch
      lock.begin();
      lock.createQuery("SELECT id FROM poll WHERE id = :id FOR UPDATE")
          .bind("id", poll)
          .mapTo(Long.class)
          .one();
      CompletableFuture<VoteResult> first = writer.submit(VoteRequest.cast(poll, voter(1), 0));
      Await.until(() -> Await.blockedSessions(db) > 0);
      CompletableFuture<VoteResult> second = writer.submit(VoteRequest.cast(poll, voter(2), 0));
      CompletableFuture<VoteResult> third = writer.submit(VoteRequest.cast(poll, voter(3), 1));

      // when the first batch goes through and the next one has taken both waiting votes
      lock.commit();
      first.join();
      Await.until(() -> writer.queued() == 0);
      CompletableFuture<VoteResult> fourth = writer.submit(VoteRequest.cast(poll, voter(4), 1));

      // then that batch lingered for the fourth vote instead of closing with two
      CompletableFuture.allOf(second, third, fourth).orTimeout(30, TimeUnit.SECONDS).join();
      assertThat(writer.stats())
          .extracting(VoteWriter.Stats::batches, VoteWriter.Stats::votes)
          .containsExactly(2L, 4L);
    }
  }

  private List<Row> votes() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT voter, option_idx FROM vote ORDER BY voter")
                    .map((rs, ctx) -> new Row(VoterId.of(rs.getBytes(1)), rs.getInt(2)))
                    .list());
  }

  private record Row(VoterId voter, int option) {}
}
