package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
final class ClosingStoreTest {
  private static final Instant LATER = NOW.plus(Duration.ofHours(3));
  private final Database db;

  ClosingStoreTest(Engine engine) {
    db = TestDatabases.open(engine);
  }

  @BeforeEach
  void episode() {
    TestDatabases.episode68(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private long open(int thesis, String platform, Optional<Instant> closesAt) {
    return db.polls()
        .open(
            new NewPoll(68, thesis, platform, "general", List.of("Eens", "Oneens"), NOW, closesAt));
  }

  @Test
  void closingQueuesOneAnnouncementPerPlaceInTheSameTransaction() {
    long a = open(1, "console", Optional.empty());
    long b = open(2, "console", Optional.empty());
    long c = open(1, "discord", Optional.empty());

    List<PollRow> closed = db.closing().closeEpisode(68, LATER);

    assertThat(closed).extracting(PollRow::id).containsExactly(a, b, c);
    List<AnnouncementRow> queued = db.announcements().ofEpisode(68);
    assertThat(queued)
        .extracting(AnnouncementRow::platform, AnnouncementRow::state, AnnouncementRow::updated)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("console", AnnouncementState.PENDING, false),
            org.assertj.core.groups.Tuple.tuple("discord", AnnouncementState.PENDING, false));
    assertThat(db.announcements().polls(queued.get(0).id())).containsExactly(a, b);
    assertThat(db.closing().closeEpisode(68, LATER)).isEmpty();
    assertThat(db.announcements().ofEpisode(68)).hasSize(2);
  }

  @Test
  void closesOnlyPollsWhoseTimeHasCome() {
    long soon = open(1, "console", Optional.of(NOW.plus(Duration.ofHours(1))));
    long late = open(2, "console", Optional.of(NOW.plus(Duration.ofHours(5))));
    open(3, "console", Optional.empty());

    assertThat(db.closing().closeDue(NOW)).isEmpty();
    assertThat(db.closing().closeDue(LATER)).extracting(PollRow::id).containsExactly(soon);
    assertThat(db.polls().find(late).orElseThrow().isOpen()).isTrue();
    assertThat(db.announcements().ofEpisode(68)).hasSize(1);
  }

  @Test
  void aClaimedAnnouncementIsOwnedByOneDelivererUntilDoneOrFailed() {
    open(1, "console", Optional.empty());
    db.closing().closeEpisode(68, NOW);
    long id = db.announcements().due(NOW, List.of("console")).get(0).id();

    assertThat(db.announcements().claimNext(NOW, List.of("discord"), "a")).isEmpty();
    assertThat(db.announcements().claimNext(NOW, List.of("console"), "a"))
        .hasValueSatisfying(row -> assertThat(row.id()).isEqualTo(id));
    assertThat(db.announcements().claimNext(NOW, List.of("console"), "b")).isEmpty();
    assertThat(db.announcements().due(NOW, List.of("console"))).isEmpty();

    db.announcements().markFailed(id, LATER, "platform unavailable");
    assertThat(db.announcements().claimNext(NOW, List.of("console"), "a")).isEmpty();
    AnnouncementRow retried = db.announcements().due(LATER, List.of("console")).get(0);
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(retried.lastError()).contains("platform unavailable");

    assertThat(db.announcements().claimNext(LATER, List.of("console"), "b")).isPresent();
    db.announcements().markDone(id, LATER);
    AnnouncementRow done = db.announcements().find(id).orElseThrow();
    assertThat(done.state()).isEqualTo(AnnouncementState.DONE);
    assertThat(done.attempts()).isEqualTo(2);
    assertThat(done.deliveredAt()).contains(LATER);
  }

  @Test
  void anAttemptOfAProcessThatIsGoneIsPendingAgainAndOneOfALiveProcessIsNot() {
    open(1, "console", Optional.empty());
    open(1, "discord", Optional.empty());
    db.closing().closeEpisode(68, NOW);
    long gone = db.announcements().claimNext(NOW, List.of("console"), "gone").orElseThrow().id();
    long live = db.announcements().claimNext(NOW, List.of("discord"), "live").orElseThrow().id();
    db.leases().tryHold(AnnouncementStore.processLease("live"), "live", Duration.ofMinutes(1));

    assertThat(db.announcements().recoverAbandoned(LATER)).isEqualTo(1);

    AnnouncementRow row = db.announcements().find(gone).orElseThrow();
    assertThat(row.state()).isEqualTo(AnnouncementState.PENDING);
    assertThat(row.attempts()).isEqualTo(1);
    assertThat(db.announcements().find(live).orElseThrow().state())
        .isEqualTo(AnnouncementState.ATTEMPTING);
  }

  @Test
  void reopeningCancelsWhatWasNotPostedAndTheNextCloseIsAnUpdate() {
    long poll = open(1, "console", Optional.empty());
    db.closing().closeEpisode(68, NOW);
    long first = db.announcements().ofEpisode(68).get(0).id();
    db.announcements().claimNext(NOW, List.of("console"), "a");
    db.announcements().markDone(first, NOW);
    db.closing().closeEpisode(68, NOW);

    List<PollRow> reopened = db.closing().reopen(68, Optional.of(LATER));

    assertThat(reopened).singleElement().satisfies(p -> assertThat(p.isOpen()).isTrue());
    assertThat(reopened.get(0).closesAt()).contains(LATER);
    assertThat(db.closing().reopen(68, Optional.empty())).isEmpty();
    assertThat(db.closing().closeDue(LATER)).extracting(PollRow::id).containsExactly(poll);
    assertThat(db.announcements().ofEpisode(68))
        .extracting(AnnouncementRow::state, AnnouncementRow::updated)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AnnouncementState.DONE, false),
            org.assertj.core.groups.Tuple.tuple(AnnouncementState.PENDING, true));
  }

  @Test
  void remindersAreDueOnceWithinTheTimeBeforeClosing() {
    Duration before = Duration.ofHours(1);
    long poll = open(1, "console", Optional.of(LATER));
    open(2, "console", Optional.of(NOW.plus(Duration.ofMinutes(30))));

    assertThat(db.closing().dueForReminder(NOW, before)).isEmpty();
    Instant remindAt = LATER.minus(before);
    List<PollRow> due = db.closing().dueForReminder(remindAt, before);

    assertThat(due).extracting(PollRow::id).containsExactly(poll);
    assertThat(db.closing().markReminded(List.of(poll), remindAt)).isEqualTo(1);
    assertThat(db.closing().dueForReminder(remindAt, before)).isEmpty();
    assertThat(db.closing().markReminded(List.of(poll), remindAt)).isZero();
  }
}
