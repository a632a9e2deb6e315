package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.NOW;
import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.storage.ReasonStore.Outcome;
import io.pollcast.storage.ReasonStore.StateChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
final class ReasonStoreTest {
  private final Database db;
  private final VoteWriter writer;
  private final long poll;

  ReasonStoreTest(Engine engine) {
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

  private void cast(int voter, int option) {
    writer.submit(VoteRequest.cast(poll, voter(voter), option)).join();
  }

  private List<String> texts() {
    return db.reasons().ofThesis(68, 1).stream().map(ReasonRow::text).toList();
  }

  @Test
  void onlyAMemberWithAVoteGivesAReasonAndReplacingOrRemovingKeepsOne() {
    assertThat(db.reasons().give(poll, voter(1), "Omdat", NOW).outcome())
        .isEqualTo(Outcome.NO_VOTE);
    cast(1, 0);
    cast(2, 1);

    ReasonStore.Change given = db.reasons().give(poll, voter(1), "Omdat het zo is", NOW);
    db.reasons().give(poll, voter(2), "Nee", NOW.plusSeconds(1));
    ReasonStore.Change replaced =
        db.reasons().give(poll, voter(1), "Toch anders", NOW.plusSeconds(2));

    assertThat(given).isEqualTo(new ReasonStore.Change(Outcome.GIVEN, Optional.of("NONE")));
    assertThat(replaced.outcome()).isEqualTo(Outcome.REPLACED);
    assertThat(texts()).containsExactly("Toch anders", "Nee");
    assertThat(db.reasons().remove(poll, voter(2)).outcome()).isEqualTo(Outcome.REMOVED);
    assertThat(db.reasons().remove(poll, voter(2)).outcome()).isEqualTo(Outcome.NONE);
    assertThat(texts()).containsExactly("Toch anders");

    db.polls().close(68, NOW);
    assertThat(db.reasons().give(poll, voter(1), "Te laat", NOW).outcome())
        .isEqualTo(Outcome.POLL_CLOSED);
    assertThat(texts()).containsExactly("Toch anders");
  }

  @Test
  void aWithdrawnVoteTakesItsReasonWithIt() {
    cast(1, 0);
    cast(2, 1);
    db.reasons().give(poll, voter(1), "Omdat het zo is", NOW);
    db.reasons().give(poll, voter(2), "Nee", NOW);

    writer.submit(VoteRequest.withdraw(poll, voter(1))).join();

    assertThat(texts()).containsExactly("Nee");
  }

  @Test
  void atMostThreeAreFeaturedPerThesisAndHiddenOnesCanBeShownAgain() {
    for (int i = 1; i <= 5; i++) {
      cast(i, 0);
      db.reasons().give(poll, voter(i), "Reden " + i, NOW.plusSeconds(i));
    }
    List<Long> ids = db.reasons().ofThesis(68, 1).stream().map(ReasonRow::id).toList();

    for (int i = 0; i < 3; i++) {
      assertThat(db.reasons().setState(68, 1, ids.get(i), "FEATURED")).isEqualTo(StateChange.SET);
    }
    assertThat(db.reasons().setState(68, 1, ids.get(3), "FEATURED"))
        .isEqualTo(StateChange.TOO_MANY);
    assertThat(db.reasons().setState(68, 1, ids.get(0), "FEATURED")).isEqualTo(StateChange.SET);
    assertThat(db.reasons().setState(68, 2, ids.get(3), "HIDDEN")).isEqualTo(StateChange.UNKNOWN);
    assertThat(db.reasons().setState(68, 1, ids.get(1), "SHOWN")).isEqualTo(StateChange.SET);
    assertThat(db.reasons().setState(68, 1, ids.get(3), "FEATURED")).isEqualTo(StateChange.SET);

    assertThat(db.reasons().featured(68))
        .extracting(ReasonRow::text)
        .containsExactly("Reden 2", "Reden 3", "Reden 5");
  }

  @Test
  void forgettingAndRetentionRemoveTheReasons() {
    cast(1, 0);
    cast(2, 1);
    db.reasons().give(poll, voter(1), "Een", NOW);
    db.reasons().give(poll, voter(2), "Twee", NOW);

    assertThat(db.reasons().ofVoters(Map.of(poll, voter(1))).get(poll))
        .extracting(ReasonRow::text)
        .containsExactly("Een");
    assertThat(db.reasons().removeAllOf(Map.of(poll, voter(1)))).isEqualTo(1);
    assertThat(texts()).containsExactly("Twee");

    db.polls().close(68, NOW);
    db.privacy().purgeVoterRows(poll, NOW.plus(Duration.ofDays(1)));
    assertThat(texts()).isEmpty();
  }
}
