package io.pollcast.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.storage.BallotReplay.BallotKey;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The filter that lets the vote desk skip the database for first votes. */
final class StoredBallotsTest {
  private final SplittableRandom random = new SplittableRandom(68);

  @Test
  @DisplayName("every added voter may have a vote, across segments, and few others seem to")
  void noVoterIsMissedAndFewAreMistaken() {
    StoredBallots ballots = StoredBallots.empty();
    int added = StoredBallots.SEGMENT_KEYS + 1_000; // fills the first segment, starts a second
    BallotKey[] keys = IntStream.range(0, added).mapToObj(i -> key()).toArray(BallotKey[]::new);
    for (BallotKey key : keys) {
      ballots.add(key);
    }

    assertThat(keys).allMatch(ballots::mayHave);
    long mistaken = IntStream.range(0, 100_000).filter(i -> ballots.mayHave(key())).count();
    assertThat(mistaken).isLessThan(2_000); // about 1% per full segment
  }

  @Test
  @DisplayName("the same voter on another poll is another key")
  void pollIsPartOfTheKey() {
    StoredBallots ballots = StoredBallots.empty();
    VoterId voter = new VoterId(random.nextLong(), random.nextLong());
    ballots.add(new BallotKey(1, voter));

    assertThat(ballots.mayHave(new BallotKey(1, voter))).isTrue();
    assertThat(ballots.mayHave(new BallotKey(2, voter))).isFalse();
  }

  @Test
  @DisplayName("loading finds every stored vote")
  void loadFindsStoredVotes() {
    try (Database db = TestDatabases.inMemory()) {
      TestDatabases.episode68(db);
      long poll = TestDatabases.openPoll(db, 1);
      db.votes().submit(VoteRequest.cast(poll, TestDatabases.voter(1), 0)).join();
      db.votes().submit(VoteRequest.cast(poll, TestDatabases.voter(2), 1)).join();
      db.votes().awaitAcknowledgedVotes();

      StoredBallots loaded = StoredBallots.load(db.jdbi());

      assertThat(loaded.mayHave(new BallotKey(poll, TestDatabases.voter(1)))).isTrue();
      assertThat(loaded.mayHave(new BallotKey(poll, TestDatabases.voter(2)))).isTrue();
      assertThat(loaded.mayHave(new BallotKey(poll, TestDatabases.voter(3)))).isFalse();
    }
  }

  private BallotKey key() {
    return new BallotKey(random.nextInt(1, 50), new VoterId(random.nextLong(), random.nextLong()));
  }
}
