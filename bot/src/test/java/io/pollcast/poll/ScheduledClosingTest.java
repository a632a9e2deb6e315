package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestClock;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.domain.ThesisResult;
import io.pollcast.domain.VoteOutcome.Status;
import io.pollcast.text.LifecycleTexts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polls close by themselves on time, also across restarts; reminders; reopening. */
final class ScheduledClosingTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));
  private static final Instant START = Instant.parse("2026-11-29T20:00:00Z");

  private final TestClock clock = new TestClock(START);
  private final RecordingPublisher publisher = new RecordingPublisher();
  private Pollcast pollcast;

  @AfterEach
  void close() {
    if (pollcast != null) {
      pollcast.close();
    }
  }

  private Pollcast open(PollcastConfig config) {
    pollcast =
        Pollcast.open(config, TestSettings.key(), clock, Map.of(Platform.CONSOLE, publisher));
    return pollcast;
  }

  private Pollcast openInMemory(Map<String, String> env) {
    open(TestSettings.inMemory(env));
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    return pollcast;
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
  void pollsCloseAtTheirTimeAndAreAnnouncedOnce() {
    openInMemory(Map.of());
    service().start(HOST, Place.CONSOLE, 68, ClosingTimes.tryParse("3d"));
    long poll = service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
    votes().vote(member("anna"), Place.CONSOLE, poll, 0).join();

    clock.advance(Duration.ofDays(3).minusSeconds(1));
    pollcast.scheduler().runDue();
    assertThat(publisher.announced).isEmpty();
    assertThat(votes().vote(member("bert"), Place.CONSOLE, poll, 1).join().result().status())
        .isEqualTo(Status.COUNTED);

    clock.advance(Duration.ofSeconds(1));
    pollcast.scheduler().runDue();
    pollcast.scheduler().runDue();

    assertThat(publisher.closed).hasSize(3);
    assertThat(publisher.announcements)
        .singleElement()
        .satisfies(a -> assertThat(a.updated()).isFalse());
    ThesisResult first = publisher.announced.get(0).theses().get(0);
    assertThat(first.options()).extracting(OptionResult::votes).containsExactly(1, 1);
    assertThat(publisher.announced.get(0).closed()).isTrue();
    assertThat(votes().vote(member("cees"), Place.CONSOLE, poll, 0).join().result().status())
        .isEqualTo(Status.POLL_CLOSED);
  }

  @Test
  void theConfiguredDefaultDurationAppliesWhenNothingElseSaysWhen() {
    openInMemory(Map.of("CONFIG_FORCE_pollcast_polls_default__duration", "2h"));

    StartReport report = service().start(HOST, Place.CONSOLE, 68, Optional.empty());

    assertThat(report.closesAt()).contains(START.plus(Duration.ofHours(2)));
    clock.advance(Duration.ofHours(2));
    pollcast.scheduler().runDue();
    assertThat(publisher.announced).hasSize(1);
  }

  @Test
  void aPollDueWhileTheBotWasDownIsClosedAndAnnouncedOnceAtStartUp(@TempDir Path dir) {
    PollcastConfig config = ConfigLoader.load(Optional.empty(), TestSettings.fileEnv(dir));
    open(config);
    service().importEpisode(HOST, BundledEpisodes.example());
    service().start(HOST, Place.CONSOLE, 68, ClosingTimes.tryParse("12h"));
    pollcast.close();

    clock.advance(Duration.ofDays(1));
    open(config).scheduler().start();

    assertThat(publisher.announced).hasSize(1);
    assertThat(publisher.closed).hasSize(3);
    assertThat(service().results(68).closed()).isTrue();
    pollcast.scheduler().runDue();
    pollcast.close();
    open(config).scheduler().start();
    assertThat(publisher.announced).hasSize(1);
  }

  @Test
  void remindsOncePerChannelAConfiguredTimeBeforeClosing() {
    openInMemory(Map.of("CONFIG_FORCE_pollcast_polls_reminder__before", "1h"));
    service().start(HOST, Place.CONSOLE, 68, ClosingTimes.tryParse("3h"));

    clock.advance(Duration.ofMinutes(119));
    pollcast.scheduler().runDue();
    assertThat(publisher.reminders).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    pollcast.scheduler().runDue();
    pollcast.scheduler().runDue();
    assertThat(publisher.reminders)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.closesAt()).isEqualTo(START.plus(Duration.ofHours(3)));
              assertThat(r.polls())
                  .extracting(PollInfo::reference)
                  .containsExactly("68.1", "68.2", "68.3");
            });

    assertThat(new LifecycleTexts(pollcast.texts()).reminder(publisher.reminders.get(0)))
        .startsWith("Nog even stemmen: de polls van aflevering 68 (Personalisatie")
        .endsWith("Open: stelling 68.1, 68.2, 68.3.");

    clock.advance(Duration.ofHours(1));
    pollcast.scheduler().runDue();
    assertThat(publisher.reminders).hasSize(1);
    assertThat(publisher.announced).hasSize(1);
  }

  @Test
  void pollsOpenForLessThanTheReminderTimeGetNoReminder() {
    openInMemory(Map.of("CONFIG_FORCE_pollcast_polls_reminder__before", "1h"));
    service().start(HOST, Place.CONSOLE, 68, ClosingTimes.tryParse("30m"));

    clock.advance(Duration.ofMinutes(1));
    pollcast.scheduler().runDue();

    assertThat(publisher.reminders).isEmpty();
  }

  @Test
  void aReopenedEpisodeTakesVotesAgainAndItsNextCloseIsAnnouncedAsAnUpdate() {
    openInMemory(Map.of());
    service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    long poll = service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
    service().close(HOST, 68);
    assertThatThrownBy(() -> service().reopen(member("anna"), 68, Optional.empty()))
        .isInstanceOf(RefusedException.class);

    ReopenReport report = service().reopen(HOST, 68, ClosingTimes.tryParse("1d"));

    assertThat(report.reopenedPolls()).isEqualTo(3);
    assertThat(report.closesAt()).contains(START.plus(Duration.ofDays(1)));
    assertThat(publisher.reopened).hasSize(3).allSatisfy(v -> assertThat(v.open()).isTrue());
    assertThatThrownBy(() -> service().reopen(HOST, 68, Optional.empty()))
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo("reopen.open");
    assertThat(votes().vote(member("anna"), Place.CONSOLE, poll, 1).join().result().status())
        .isEqualTo(Status.COUNTED);

    clock.advance(Duration.ofDays(1));
    pollcast.scheduler().runDue();

    assertThat(publisher.announcements)
        .extracting(Announcement::updated)
        .containsExactly(false, true);
    Announcement update = publisher.announcements.get(1);
    assertThat(update.results().theses().get(0).options())
        .extracting(OptionResult::votes)
        .containsExactly(0, 1);
    assertThat(new LifecycleTexts(pollcast.texts()).announcement(update))
        .startsWith("**Bijgewerkte uitslag: de polls van aflevering 68 zijn heropend")
        .contains("Uitslag aflevering 68");
  }

  @Test
  void closingAnEpisodeThatIsClosedAlreadyAnnouncesNothingMore() {
    openInMemory(new HashMap<>());
    service().start(HOST, Place.CONSOLE, 68, ClosingTimes.tryParse("1h"));
    service().close(HOST, 68);
    clock.advance(Duration.ofHours(2));
    pollcast.scheduler().runDue();

    assertThatThrownBy(() -> service().close(HOST, 68))
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo("close.already");
    assertThat(publisher.announced).hasSize(1);
  }
}
