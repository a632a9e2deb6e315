package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.storage.VoteResult.Status;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** One batch that inserts, updates and deletes votes at once. */
@ParameterizedClass
@EnumSource(Engine.class)
final class VoteBatchTest {
  private final FullBatches batches;
  private final Database db;
  private final long poll;

  VoteBatchTest(Engine engine) {
    batches = new FullBatches(engine);
    db = batches.db;
    poll = batches.poll;
  }

  @AfterEach
  void close() {
    batches.close();
  }

  @Test
  @DisplayName("a change, a withdrawal and a new vote in one batch are each written as such")
  void insertsUpdatesAndDeletesInOneBatch() {
    batches.writeBatch(
        VoteRequest.cast(poll, voter(1), 0),
        VoteRequest.cast(poll, voter(2), 0),
        VoteRequest.cast(poll, voter(3), 0),
        VoteRequest.cast(poll, voter(4), 1));

    List<VoteResult> results =
        batches.writeBatch(
            VoteRequest.cast(poll, voter(1), 1),
            VoteRequest.withdraw(poll, voter(2)),
            VoteRequest.cast(poll, voter(5), 1),
            VoteRequest.cast(poll, voter(5), 1));

    assertThat(results)
        .extracting(VoteResult::status)
        .containsExactly(Status.CHANGED, Status.WITHDRAWN, Status.COUNTED, Status.UNCHANGED);
    assertThat(votes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(voter(1), 1, voter(3), 0, voter(4), 1, voter(5), 1));
    assertThat(batches.counts()).containsExactly(1, 3);
    assertThat(db.polls().counterDifferences()).isEmpty();
  }

  @Test
  @DisplayName("three voters in a batch of four are looked up and counted once each")
  void aVoterTwiceInABatchIsLookedUpOnce() {
    batches.writeBatch(
        VoteRequest.cast(poll, voter(1), 0),
        VoteRequest.cast(poll, voter(2), 0),
        VoteRequest.cast(poll, voter(3), 0),
        VoteRequest.cast(poll, voter(3), 0));

    List<VoteResult> results =
        batches.writeBatch(
            VoteRequest.cast(poll, voter(1), 0),
            VoteRequest.cast(poll, voter(2), 1),
            VoteRequest.cast(poll, voter(3), 1),
            VoteRequest.cast(poll, voter(2), 0));

    assertThat(results)
        .extracting(VoteResult::status)
        .containsExactly(Status.UNCHANGED, Status.CHANGED, Status.CHANGED, Status.CHANGED);
    assertThat(votes())
        .containsExactlyInAnyOrderEntriesOf(Map.of(voter(1), 0, voter(2), 0, voter(3), 1));
    assertThat(batches.counts()).containsExactly(2, 1);
    assertThat(db.polls().counterDifferences()).isEmpty();
  }

  private Map<VoterId, Integer> votes() {
    return db
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT voter, option_idx FROM vote")
                    .map((rs, ctx) -> Map.entry(VoterId.of(rs.getBytes(1)), rs.getInt(2)))
                    .list())
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
