package io.pollcast.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.MutableClock;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.routine.Routines;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class RetentionTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T20:00:00Z"));
  private final Pollcast pollcast =
      Pollcast.open(
          TestSettings.inMemory(Map.of("CONFIG_FORCE_pollcast_privacy_retention", "7d")),
          TestSettings.key(),
          clock,
          Map.of(Platform.CONSOLE, new RecordingPublisher()));
  private final Retention retention =
      new Retention(pollcast.database().privacy(), Duration.ofDays(7), clock);

  RetentionTest() {
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    for (int i = 0; i < 5; i++) {
      Actor member = new Actor(Platform.CONSOLE, "m" + i, "m" + i, Set.of());
      for (int thesis = 1; thesis <= 3; thesis++) {
        long poll = pollcast.service().pollIn(Place.CONSOLE, 68, thesis).orElseThrow().pollId();
        pollcast.votes().vote(member, Place.CONSOLE, poll, (i + thesis) % 2).join();
      }
    }
  }

  @AfterEach
  void close() {
    pollcast.close();
  }

  private int voteRows() {
    return pollcast
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vote").mapTo(Integer.class).one());
  }

  @Test
  void openPollsAndRecentlyClosedPollsKeepTheirRows() {
    clock.advance(Duration.ofDays(30));
    assertThat(retention.run()).isEqualTo(new RetentionReport(0, 0));

    pollcast.service().close(HOST, 68);
    clock.advance(Duration.ofDays(7).minusSeconds(1));

    assertThat(retention.run()).isEqualTo(new RetentionReport(0, 0));
    assertThat(voteRows()).isEqualTo(15);
  }

  @Test
  void afterTheRetentionTimeOnlyTheCountsRemain() {
    EpisodeResults before = pollcast.service().close(HOST, 68).results();
    clock.advance(Duration.ofDays(7));

    RetentionReport report = retention.run();

    assertThat(report).isEqualTo(new RetentionReport(3, 15));
    assertThat(voteRows()).isZero();
    assertThat(pollcast.service().results(68)).isEqualTo(before);
    assertThat(pollcast.database().polls().counterDifferences()).isEmpty();
    Actor member = new Actor(Platform.CONSOLE, "m1", "m1", Set.of());
    assertThat(pollcast.service().myData(member).isEmpty()).isTrue();
    assertThat(pollcast.service().forgetMe(member).nothing()).isTrue();
    assertThat(pollcast.service().results(68)).isEqualTo(before);
    assertThat(retention.run()).isEqualTo(new RetentionReport(0, 0));
  }

  @Test
  void theJobRunsOnceAtStartUpBeforeItReturns() {
    pollcast.service().close(HOST, 68);
    clock.advance(Duration.ofDays(8));

    try (Routines routines = new Routines("retention-test", 1);
        RetentionJob job = RetentionJob.start(retention, Duration.ofHours(1), routines)) {
      assertThat(voteRows()).isZero();
    }
  }
}
