package io.pollcast.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A new database with one open poll (episode 68, thesis 1) and a vote writer whose batches close
 * only when full: the {@value #SIZE} votes a test passes to {@link #writeBatch} always share one
 * transaction.
 */
final class FullBatches implements AutoCloseable {
  static final int SIZE = 4;

  final Database db;
  final VoteWriter writer;
  final long poll;

  FullBatches(Engine engine) {
    db = TestDatabases.open(engine);
    writer = new VoteWriter(db.jdbi(), SIZE, Duration.ofMinutes(5));
    TestDatabases.episode68(db);
    poll = TestDatabases.openPoll(db, 1);
  }

  /** Submits exactly one batch and waits for its results, in the order of the requests. */
  List<VoteResult> writeBatch(VoteRequest... requests) {
    assertThat(requests).hasSize(SIZE); // a smaller batch would wait for its linger
    List<CompletableFuture<VoteResult>> results =
        Arrays.stream(requests).map(writer::submit).toList();
    return results.stream().map(CompletableFuture::join).toList();
  }

  /** The poll's counters, in option order. */
  List<Integer> counts() {
    return db.polls().options(poll).stream().map(OptionCount::votes).toList();
  }

  @Override
  public void close() {
    writer.close();
    db.close();
  }
}
