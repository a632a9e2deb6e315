package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.NOW;
import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.storage.VoteResult.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
final class VoteWriterTest {
  private final Database db;
  private final VoteWriter writer;
  private final long poll;

  VoteWriterTest(Engine engine) {
    db = TestDatabases.open(engine);
    writer = new VoteWriter(db.jdbi());
    TestDatabases.episode68(db);
    poll = TestDatabases.openPoll(db, 1);
  }

  @AfterEach
  void close() {
    writer.close();
    db.close();
  }

  @Test
  void firstVoteIsCountedAndAChangeMovesTheCount() {
    assertThat(cast(1, 0).status()).isEqualTo(Status.COUNTED);
    assertThat(counts()).containsExactly(1, 0);

    VoteResult change = cast(1, 1);

    assertThat(change.status()).isEqualTo(Status.CHANGED);
    assertThat(change.previous()).isEqualTo(OptionalInt.of(0));
    assertThat(change.current()).isEqualTo(OptionalInt.of(1));
    assertThat(counts()).containsExactly(0, 1);
  }

  @Test
  void theSameVoteTwiceCountsOnce() {
    cast(1, 0);
    assertThat(cast(1, 0).status()).isEqualTo(Status.UNCHANGED);
    assertThat(counts()).containsExactly(1, 0);
  }

  @Test
  void withdrawingRemovesTheVote() {
    assertThat(withdraw(1).status()).isEqualTo(Status.NO_VOTE);
    cast(1, 1);
    assertThat(withdraw(1).status()).isEqualTo(Status.WITHDRAWN);
    assertThat(counts()).containsExactly(0, 0);
    assertThat(votesStored()).isZero();
  }

  @Test
  void refusesUnknownPollsAndOptionsAndChangesNothing() {
    assertThat(writer.submit(VoteRequest.cast(9_999, voter(1), 0)).join().status())
        .isEqualTo(Status.UNKNOWN_POLL);
    assertThat(cast(1, 2).status()).isEqualTo(Status.UNKNOWN_OPTION);
    assertThat(cast(1, -1).status()).isEqualTo(Status.UNKNOWN_OPTION);
    assertThat(counts()).containsExactly(0, 0);
    assertThat(votesStored()).isZero();
  }

  @Test
  void votesAfterCloseAreRefusedAndChangeNothing() {
    cast(1, 0);
    db.polls().close(68, NOW);

    assertThat(cast(2, 1).status()).isEqualTo(Status.POLL_CLOSED);
    assertThat(cast(1, 1).status()).isEqualTo(Status.POLL_CLOSED);
    assertThat(withdraw(1).status()).isEqualTo(Status.POLL_CLOSED);
    assertThat(counts()).containsExactly(1, 0);
  }

  @Test
  void manyVotesInOneBatchReplayInArrivalOrder() {
    List<CompletableFuture<VoteResult>> results = new ArrayList<>();
    results.add(writer.submit(VoteRequest.cast(poll, voter(1), 0)));
    results.add(writer.submit(VoteRequest.cast(poll, voter(1), 1)));
    results.add(writer.submit(VoteRequest.cast(poll, voter(1), 1)));
    results.add(writer.submit(VoteRequest.withdraw(poll, voter(1))));
    results.add(writer.submit(VoteRequest.cast(poll, voter(1), 0)));

    assertThat(results.stream().map(f -> f.join().status()))
        .containsExactly(
            Status.COUNTED, Status.CHANGED, Status.UNCHANGED, Status.WITHDRAWN, Status.COUNTED);
    assertThat(counts()).containsExactly(1, 0);
  }

  @Test
  void concurrentVotersKeepCountersEqualToARecount() throws Exception {
    long second = TestDatabases.openPoll(db, 2);
    int threads = 8;
    int votersPerThread = 250;
    Map<Long, int[]> expected = new HashMap<>();
    expected.put(poll, new int[2]);
    expected.put(second, new int[2]);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<CompletableFuture<Map<String, Integer>>> finals = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      finals.add(
          CompletableFuture.supplyAsync(
              () -> voteRandomly(thread, votersPerThread, List.of(poll, second)), pool));
    }
    for (var f : finals) {
      f.join()
          .forEach(
              (key, option) -> {
                long pollId = Long.parseLong(key.split(":", -1)[0]);
                expected.get(pollId)[option]++;
              });
    }
    pool.shutdown();

    assertThat(db.polls().counterDifferences()).isEmpty();
    assertThat(db.polls().options(poll))
        .extracting(OptionCount::votes)
        .containsExactly(expected.get(poll)[0], expected.get(poll)[1]);
    assertThat(db.polls().options(second))
        .extracting(OptionCount::votes)
        .containsExactly(expected.get(second)[0], expected.get(second)[1]);
  }

  /**
   * Each thread owns its voters, so their final votes are known; returns "poll:voter" -> option.
   */
  private Map<String, Integer> voteRandomly(int thread, int voters, List<Long> polls) {
    Random random = new Random(thread);
    Map<String, Integer> last = new HashMap<>();
    List<CompletableFuture<VoteResult>> pending = new ArrayList<>();
    for (int i = 0; i < voters * 3; i++) {
      int voter = thread * 10_000 + random.nextInt(voters);
      long pollId = polls.get(random.nextInt(polls.size()));
      String key = pollId + ":" + voter;
      if (random.nextInt(5) == 0) {
        pending.add(writer.submit(VoteRequest.withdraw(pollId, voter(voter))));
        last.remove(key);
      } else {
        int option = random.nextInt(2);
        pending.add(writer.submit(VoteRequest.cast(pollId, voter(voter), option)));
        last.put(key, option);
      }
    }
    pending.forEach(CompletableFuture::join);
    return last;
  }

  private VoteResult cast(int voter, int option) {
    return writer.submit(VoteRequest.cast(poll, voter(voter), option)).join();
  }

  private VoteResult withdraw(int voter) {
    return writer.submit(VoteRequest.withdraw(poll, voter(voter))).join();
  }

  private List<Integer> counts() {
    return db.polls().options(poll).stream().map(OptionCount::votes).toList();
  }

  private int votesStored() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vote").mapTo(Integer.class).one());
  }
}
