package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.domain.ThesisResult;
import io.pollcast.domain.VoteOutcome.Status;
import io.pollcast.storage.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class PollServiceTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));
  private static final Actor MOD = new Actor(Platform.CONSOLE, "m", "mod", Set.of(Role.MODERATOR));
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T20:00:00Z"), ZoneOffset.UTC);

  private final RecordingPublisher publisher = new RecordingPublisher();
  private Pollcast pollcast = open(Map.of());

  private Pollcast open(Map<String, String> env) {
    Pollcast opened =
        Pollcast.open(
            TestSettings.inMemory(env),
            TestSettings.key(),
            CLOCK,
            Map.of(Platform.CONSOLE, publisher));
    opened.service().importEpisode(HOST, BundledEpisodes.example());
    return opened;
  }

  @AfterEach
  void close() {
    pollcast.close();
  }

  private PollService service() {
    return pollcast.service();
  }

  private VoteIntake votes() {
    return pollcast.votes();
  }

  private static Actor member(String id) {
    return new Actor(Platform.CONSOLE, id, id, Set.of());
  }

  @Test
  void startPostsEveryThesisOnceAndHidesCountsWhileOpen() {
    StartReport first = service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    StartReport again = service().start(HOST, Place.CONSOLE, 68, Optional.empty());

    assertThat(first.posted()).extracting(PollInfo::thesis).containsExactly(1, 2, 3);
    assertThat(again.posted()).isEmpty();
    assertThat(again.alreadyOpen()).containsExactly(1, 2, 3);
    assertThat(publisher.posted).hasSize(3);
    assertThat(publisher.posted.get(0).text())
        .isEqualTo("Bedrijven die niet aan personalisatie doen, missen de boot");
    assertThat(publisher.posted.get(0).counts()).isEmpty();
    assertThat(publisher.posted.get(0).info().options()).containsExactly("Eens", "Oneens");
  }

  @Test
  void onlyHostsStartAndCloseAndOnlyModeratorsSeeTheTally() {
    assertThatThrownBy(() -> service().start(member("a"), Place.CONSOLE, 68, Optional.empty()))
        .isInstanceOf(RefusedException.class)
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo("refused.host");
    assertThatThrownBy(() -> service().start(MOD, Place.CONSOLE, 68, Optional.empty()))
        .isInstanceOf(RefusedException.class);
    service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    assertThatThrownBy(() -> service().close(member("a"), 68)).isInstanceOf(RefusedException.class);
    assertThatThrownBy(() -> service().tally(member("a"), 68))
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo("refused.moderator");
    assertThat(service().tally(MOD, 68).theses()).hasSize(3);
    assertThat(publisher.posted).hasSize(3);
  }

  @Test
  void votesAreCountedPerPersonAndAnnouncedOnceAtClose() {
    service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    long poll = service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();

    assertThat(votes().vote(member("a"), Place.CONSOLE, poll, 0).join().result().status())
        .isEqualTo(Status.COUNTED);
    assertThat(votes().vote(member("b"), Place.CONSOLE, poll, 1).join().result().status())
        .isEqualTo(Status.COUNTED);
    assertThat(votes().vote(member("b"), Place.CONSOLE, poll, 0).join().result().status())
        .isEqualTo(Status.CHANGED);
    assertThat(votes().vote(member("a"), Place.CONSOLE, poll, 0).join().result().status())
        .isEqualTo(Status.UNCHANGED);
    CloseReport closed = service().close(HOST, 68);

    ThesisResult first = closed.results().theses().get(0);
    assertThat(first.options()).extracting(OptionResult::votes).containsExactly(2, 0);
    assertThat(first.options()).extracting(OptionResult::percent).containsExactly(100, 0);
    assertThat(closed.closedPolls()).isEqualTo(3);
    assertThat(publisher.announced).hasSize(1);
    assertThat(publisher.closed).hasSize(3);
    assertThat(publisher.closed.get(0).counts()).contains(java.util.List.of(2, 0));
    assertThatThrownBy(() -> service().close(HOST, 68))
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo("close.already");
    assertThat(publisher.announced).hasSize(1);
    assertThat(votes().vote(member("c"), Place.CONSOLE, poll, 0).join().result().status())
        .isEqualTo(Status.POLL_CLOSED);
  }

  @Test
  void aVoteFromAnotherPlatformOnThisPollIsUnknown() {
    service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    long poll = service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
    Actor discordUser = new Actor(Platform.DISCORD, "123", "x", Set.of());

    assertThat(votes().vote(discordUser, Place.CONSOLE, poll, 0).join().result().status())
        .isEqualTo(Status.UNKNOWN_POLL);
    assertThat(votes().vote(member("a"), Place.CONSOLE, 9_999, 0).join().result().status())
        .isEqualTo(Status.UNKNOWN_POLL);
  }

  @Test
  void unknownEpisodeAndPastClosingTimeAreRefused() {
    assertThatThrownBy(() -> service().start(HOST, Place.CONSOLE, 99, Optional.empty()))
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo("episode.unknown");
    assertThatThrownBy(
            () ->
                service().start(HOST, Place.CONSOLE, 68, ClosingTimes.tryParse("2020-01-01T10:00")))
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo("start.closing-in-past");
  }

  @Test
  void closingTimeIsStoredFromTheStartCommand() {
    StartReport report = service().start(HOST, Place.CONSOLE, 68, ClosingTimes.tryParse("3d"));

    assertThat(report.closesAt()).contains(CLOCK.instant().plus(Duration.ofDays(3)));
    assertThat(publisher.posted.get(0).closesAt())
        .contains(CLOCK.instant().plus(Duration.ofDays(3)));
  }

  @Test
  void liveCountsAreCoalescedIntoFewRefreshes() {
    pollcast.close();
    pollcast = open(Map.of("CONFIG_FORCE_pollcast_polls_live__results", "true"));
    service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    long poll = service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();

    var votes = new java.util.ArrayList<java.util.concurrent.CompletableFuture<VoteReply>>();
    for (int i = 0; i < 300; i++) {
      votes.add(votes().vote(member("m" + i), Place.CONSOLE, poll, i % 2));
    }
    votes.forEach(java.util.concurrent.CompletableFuture::join);
    Await.until(
        Duration.ofSeconds(10),
        () ->
            publisher.counts.stream()
                .anyMatch(v -> v.counts().orElseThrow().equals(java.util.List.of(150, 150))),
        () -> "the final live counts");

    assertThat(publisher.counts.size()).isLessThanOrEqualTo(3);
  }
}
