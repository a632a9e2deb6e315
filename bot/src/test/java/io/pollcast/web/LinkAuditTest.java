package io.pollcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.MutableClock;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.storage.AuditEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Handing out dashboard and overlay links is written in the audit log, without the token. */
final class LinkAuditTest {
  private static final Actor HOST =
      new Actor(Platform.DISCORD, "111", "Hanna Host", Set.of(Role.HOST));
  private static final Actor MODERATOR =
      new Actor(Platform.SLACK, "U222", "Mo", Set.of(Role.MODERATOR));
  private static final Actor MEMBER = new Actor(Platform.DISCORD, "333", "anna", Set.of());

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private Pollcast pollcast;

  @AfterEach
  void close() {
    pollcast.close();
  }

  @Test
  void recordsWhoWasHandedWhichLinkTheirRoleAndTheExpiryButNeverTheToken() {
    DashboardLinks links =
        new DashboardLinks(new LinkSigner(TestSettings.key(), clock), Duration.ofHours(12), clock);
    links.serveAt("https://poll.example.org");
    pollcast =
        Pollcast.open(
            TestSettings.inMemory(Map.of()),
            TestSettings.key(),
            clock,
            Map.of(Platform.CONSOLE, new RecordingPublisher()),
            links);
    BundledEpisodes.importIfEmpty(pollcast.service());
    Place place = new Place(Platform.DISCORD, "chan");
    int before = pollcast.service().audit().entries().size();

    String dashboard = pollcast.handler().handleLine(HOST, place, "/poll dashboard").join();
    String overlay =
        pollcast
            .handler()
            .handleLine(MODERATOR, new Place(Platform.SLACK, "C1"), "/poll overlay 68")
            .join();
    String refused = pollcast.handler().handleLine(MEMBER, place, "/poll dashboard").join();

    List<AuditEntry> entries = pollcast.service().audit().entries();
    List<AuditEntry> added = entries.subList(before, entries.size());
    assertThat(refused).doesNotContain("https://");
    assertThat(added)
        .extracting(AuditEntry::displayName, AuditEntry::platform, AuditEntry::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Hanna Host", "discord", "link"),
            org.assertj.core.groups.Tuple.tuple("Mo", "slack", "link"));
    assertThat(added.get(0).detail())
        .isEqualTo("dashboard link as host, valid until 2026-12-03T22:00:00Z");
    assertThat(added.get(0).episode()).isEmpty();
    assertThat(added.get(0).at()).isEqualTo(clock.instant());
    assertThat(added.get(1).detail())
        .isEqualTo("overlay link (read-only) for moderator, valid until 2026-12-03T22:00:00Z");
    assertThat(added.get(1).episode()).isEqualTo(Optional.of(68));
    for (String reply : List.of(dashboard, overlay)) {
      String token = reply.replaceAll("(?s).*[?&]t=([^\\s&]+).*", "$1");
      assertThat(token).hasSizeGreaterThan(20);
      assertThat(added).allSatisfy(e -> assertThat(e.toString()).doesNotContain(token));
    }
  }
}
