package io.pollcast.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.storage.AuditEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class AuditLogTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T20:00:00Z"), ZoneOffset.UTC);
  private static final Actor HOST =
      new Actor(Platform.DISCORD, "111", "Joël (host)", Set.of(Role.HOST));
  private static final Actor MOD =
      new Actor(Platform.DISCORD, "222", "Mod", Set.of(Role.MODERATOR));
  private static final Actor MEMBER = new Actor(Platform.DISCORD, "333", "Anna", Set.of());
  private static final Place PLACE = new Place(Platform.DISCORD, "chan-9");

  private final Pollcast pollcast =
      Pollcast.open(
          TestSettings.inMemory(Map.of()),
          TestSettings.key(),
          CLOCK,
          Map.of(Platform.DISCORD, new RecordingPublisher()));

  @AfterEach
  void close() {
    pollcast.close();
  }

  @Test
  void hostAndModeratorActionsAreRecordedWithWhoWhatAndWhen() {
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    pollcast.service().start(HOST, PLACE, 68, Optional.empty());
    pollcast.service().tally(MOD, 68);
    long poll = pollcast.service().pollIn(PLACE, 68, 1).orElseThrow().pollId();
    pollcast.votes().vote(MEMBER, PLACE, poll, 0).join();
    pollcast.service().myData(MEMBER);
    pollcast.service().close(HOST, 68);

    assertThat(pollcast.service().audit().entries())
        .extracting(
            AuditEntry::platform,
            AuditEntry::userId,
            AuditEntry::displayName,
            AuditEntry::action,
            AuditEntry::episode,
            AuditEntry::at)
        .containsExactly(
            tuple("discord", "111", "Joël (host)", "import", Optional.of(68), CLOCK.instant()),
            tuple("discord", "111", "Joël (host)", "start", Optional.of(68), CLOCK.instant()),
            tuple("discord", "222", "Mod", "tally", Optional.of(68), CLOCK.instant()),
            tuple("discord", "111", "Joël (host)", "close", Optional.of(68), CLOCK.instant()));
    assertThat(pollcast.service().audit().entries().get(1).detail())
        .isEqualTo("discord/chan-9, 3 polls posted");
  }

  @Test
  void refusedAttemptsAndMembersAreNeverRecorded() {
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    assertThatThrownBy(() -> pollcast.service().start(MEMBER, PLACE, 68, Optional.empty()))
        .isInstanceOf(RefusedException.class);
    assertThatThrownBy(() -> pollcast.service().tally(MEMBER, 68))
        .isInstanceOf(RefusedException.class);
    assertThatThrownBy(() -> pollcast.service().close(MOD, 68))
        .isInstanceOf(RefusedException.class);
    pollcast.service().audit().record(MEMBER, AuditAction.TALLY, 68, "");

    assertThat(pollcast.service().audit().entries())
        .extracting(AuditEntry::userId)
        .containsExactly("111");
  }

  @Test
  void longNamesAreCutToTheColumnWithoutSplittingACharacter() {
    String name = "x".repeat(99) + "😀" + "y".repeat(50);
    Actor host = new Actor(Platform.SLACK, "U1", name, Set.of(Role.HOST));

    pollcast.service().audit().record(host, AuditAction.START, 68, "d".repeat(800));

    AuditEntry entry = pollcast.service().audit().entries().get(0);
    assertThat(entry.displayName()).isEqualTo("x".repeat(99));
    assertThat(entry.detail()).hasSize(500);
  }
}
