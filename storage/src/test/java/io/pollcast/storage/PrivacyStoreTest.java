package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.NOW;
import static io.pollcast.storage.TestDatabases.voter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
final class PrivacyStoreTest {
  private final Database db;
  private final VoteWriter writer;
  private final long first;
  private final long second;

  PrivacyStoreTest(Engine engine) {
    db = TestDatabases.open(engine);
    writer = new VoteWriter(db.jdbi());
    TestDatabases.episode68(db);
    first = TestDatabases.openPoll(db, 1);
    second = TestDatabases.openPoll(db, 2);
  }

  @AfterEach
  void close() {
    writer.close();
    db.close();
  }

  private void cast(long poll, int voter, int option) {
    writer.submit(VoteRequest.cast(poll, voter(voter), option)).join();
  }

  private List<Integer> counts(long poll) {
    return db.polls().options(poll).stream().map(OptionCount::votes).toList();
  }

  private int rows() {
    return db.jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vote").mapTo(Integer.class).one());
  }

  @Test
  void keyFingerprintIsRecordedOnceAndReplaced() {
    assertThat(db.privacy().keyFingerprint()).isEmpty();

    db.privacy().recordKeyFingerprint("aaaa", NOW);
    db.privacy().recordKeyFingerprint("bbbb", NOW);

    assertThat(db.privacy().keyFingerprint()).contains("bbbb");
  }

  @Test
  void votesOfFindsOnlyTheGivenPseudonymsVotes() {
    cast(first, 1, 1);
    cast(second, 2, 0);

    Map<Long, Integer> votes = db.privacy().votesOf(Map.of(first, voter(1), second, voter(1)));

    assertThat(votes).containsExactly(Map.entry(first, 1));
  }

  @Test
  void purgeRemovesTheRowsOfClosedPollsOnlyAndKeepsTheCounts() {
    cast(first, 1, 0);
    cast(first, 2, 0);
    cast(first, 3, 1);
    db.polls().close(68, NOW);
    assertThat(db.privacy().pollsDueForPurge(NOW.minus(Duration.ofDays(1)))).isEmpty();

    List<Long> due = db.privacy().pollsDueForPurge(NOW);
    int removed = db.privacy().purgeVoterRows(first, NOW.plusSeconds(1));

    assertThat(due).containsExactly(first, second);
    assertThat(removed).isEqualTo(3);
    assertThat(rows()).isZero();
    assertThat(counts(first)).containsExactly(2, 1);
    assertThat(db.polls().counterDifferences()).isEmpty();
    assertThat(db.privacy().purgeVoterRows(first, NOW.plusSeconds(2))).isZero();
    assertThat(db.privacy().pollsDueForPurge(NOW)).containsExactly(second);
    assertThat(db.privacy().pollsWithVoterRows("console"))
        .extracting(PollRow::id)
        .containsExactly(second);
  }

  @Test
  void anOpenPollIsNeverPurgedNorDetached() {
    cast(first, 1, 0);

    assertThat(db.privacy().purgeVoterRows(first, NOW)).isZero();
    assertThat(db.privacy().detachClosedVote(first, voter(1))).isFalse();
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void detachingAClosedVoteKeepsItInTheCount() {
    cast(first, 1, 1);
    cast(first, 2, 1);
    db.polls().close(68, NOW);

    assertThat(db.privacy().detachClosedVote(first, voter(1))).isTrue();
    assertThat(db.privacy().detachClosedVote(first, voter(1))).isFalse();

    assertThat(counts(first)).containsExactly(0, 2);
    assertThat(rows()).isEqualTo(1);
    assertThat(db.polls().counterDifferences()).isEmpty();
    db.privacy().purgeVoterRows(first, NOW);
    assertThat(counts(first)).containsExactly(0, 2);
    assertThat(db.polls().counterDifferences()).isEmpty();
  }

  @Test
  void auditEntriesAreKeptInOrder() {
    Instant at = NOW;
    db.audit().append(at, "discord", "123", "Host", "start", Optional.of(68), "discord/9");
    db.audit()
        .append(
            at.plusSeconds(1), "console", "operator", "operator", "import", Optional.empty(), "");

    assertThat(db.audit().all())
        .extracting(AuditEntry::action, AuditEntry::episode, AuditEntry::at)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("start", Optional.of(68), at),
            org.assertj.core.groups.Tuple.tuple("import", Optional.empty(), at.plusSeconds(1)));
    assertThat(db.audit().countOf("discord", "123")).isEqualTo(1);
  }
}
