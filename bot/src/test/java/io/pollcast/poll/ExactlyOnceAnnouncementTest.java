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
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.storage.AnnouncementRow;
import io.pollcast.storage.AnnouncementState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results are announced once in every place even when the platform fails or the process dies
 * between the close and the post; the one window left (a crash after the platform accepted and
 * before the bot noted it) posts twice only where the platform cannot check for an earlier post.
 */
final class ExactlyOnceAnnouncementTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));

  private final TestClock clock = new TestClock(Instant.parse("2026-11-29T20:00:00Z"));

  /** The chat channel: what it accepted survives restarts of the bot. */
  private final List<Announcement> channel = new CopyOnWriteArrayList<>();

  private PollcastConfig config;
  private Pollcast pollcast;

  @BeforeEach
  void startPolls(@TempDir Path dir) {
    config = ConfigLoader.load(Optional.empty(), TestSettings.fileEnv(dir));
  }

  @AfterEach
  void close() {
    pollcast.close();
  }

  private Pollcast open(Fault fault, boolean checksKeys) {
    pollcast =
        Pollcast.open(
            config,
            TestSettings.key(),
            clock,
            Map.of(Platform.CONSOLE, new ChannelPublisher(channel, fault, checksKeys)));
    return pollcast;
  }

  private void startEpisode() {
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
  }

  /** The bot stops as a crash would stop it, then starts again. */
  private void restart(boolean checksKeys) {
    pollcast.close();
    open(Fault.NONE, checksKeys).scheduler().start();
  }

  private List<AnnouncementRow> outbox() {
    return pollcast.database().announcements().ofEpisode(68);
  }

  @Test
  void aPlatformThatFailsIsTriedAgainLaterUntilItAcceptsThenNeverAgain() {
    open(Fault.REFUSE_ONCE, false);
    startEpisode();

    CloseReport report = pollcast.service().close(HOST, 68);

    assertThat(report.closedPolls()).isEqualTo(3);
    assertThat(channel).isEmpty();
    assertThat(outbox()).singleElement().satisfies(e -> assertThat(e.lastError()).isPresent());
    pollcast.scheduler().runDue();
    assertThat(channel).isEmpty();

    clock.advance(AnnouncementDeliverer.FIRST_RETRY);
    pollcast.scheduler().runDue();
    pollcast.scheduler().runDue();

    assertThat(channel).singleElement().satisfies(a -> assertThat(a.attempt()).isEqualTo(2));
    assertThat(outbox()).extracting(AnnouncementRow::state).containsExactly(AnnouncementState.DONE);
  }

  @Test
  void aCloseAnsweredWhileItsAnnouncementIsPendingSaysItWillBeAnnounced() {
    open(Fault.REFUSE_ONCE, false);
    startEpisode();

    String reply = pollcast.handler().handleLine(HOST, Place.CONSOLE, "/poll close 68").join();

    assertThat(channel).isEmpty();
    assertThat(reply)
        .isEqualTo("Aflevering 68 is gesloten (3 poll(s)); de uitslag wordt aangekondigd.")
        .doesNotContain("is aangekondigd");
  }

  @Test
  void aCloseSaysAnnouncedOnlyOnceThePlatformAcceptedThePost() {
    open(Fault.NONE, false);
    startEpisode();

    String reply = pollcast.handler().handleLine(HOST, Place.CONSOLE, "/poll close 68").join();

    assertThat(channel).hasSize(1);
    assertThat(reply)
        .isEqualTo("Aflevering 68 is gesloten (3 poll(s)); de uitslag is aangekondigd.");
  }

  @Test
  void aCrashAfterTheCloseCommittedIsAnnouncedOnceAfterRestart() {
    open(Fault.NONE, false);
    startEpisode();
    pollcast.database().closing().closeEpisode(68, clock.instant()); // then the process dies

    restart(false);

    assertThat(channel).singleElement().satisfies(a -> assertThat(a.attempt()).isEqualTo(1));
    restart(false);
    assertThat(channel).hasSize(1);
  }

  @Test
  void aCrashBeforeThePlatformAcceptedIsAnnouncedOnceAfterRestart() {
    open(Fault.CRASH_BEFORE_ACCEPTED, false);
    startEpisode();
    assertThatThrownBy(() -> pollcast.service().close(HOST, 68)).isInstanceOf(Crash.class);
    assertThat(outbox())
        .extracting(AnnouncementRow::state)
        .containsExactly(AnnouncementState.ATTEMPTING);

    restart(false);

    assertThat(channel).singleElement().satisfies(a -> assertThat(a.possiblyDelivered()).isTrue());
    assertThat(outbox()).extracting(AnnouncementRow::state).containsExactly(AnnouncementState.DONE);
    assertThat(pollcast.service().results(68).closed()).isTrue();
  }

  @Test
  void aCrashAfterThePlatformAcceptedIsNotPostedAgainWhereThePlatformCanCheck() {
    open(Fault.CRASH_AFTER_ACCEPTED, true);
    startEpisode();
    assertThatThrownBy(() -> pollcast.service().close(HOST, 68)).isInstanceOf(Crash.class);
    assertThat(channel).hasSize(1);

    restart(true);

    assertThat(channel).hasSize(1);
    assertThat(outbox()).extracting(AnnouncementRow::state).containsExactly(AnnouncementState.DONE);
  }

  @Test
  void theOneWindowACrashAfterThePlatformAcceptedPostsTwiceWhereThePlatformCannotCheck() {
    open(Fault.CRASH_AFTER_ACCEPTED, false);
    startEpisode();
    assertThatThrownBy(() -> pollcast.service().close(HOST, 68)).isInstanceOf(Crash.class);

    restart(false);

    assertThat(channel).extracting(Announcement::key).hasSize(2).containsOnly(channel.get(0).key());
    restart(false);
    assertThat(channel).hasSize(2);
  }

  @Test
  void anAnnouncementStillPendingWhenItsPollsAreReopenedIsNeverPosted() {
    open(Fault.REFUSE_ONCE, false);
    startEpisode();
    pollcast.service().close(HOST, 68);

    pollcast.service().reopen(HOST, 68, Optional.empty());
    clock.advance(Duration.ofHours(1));
    pollcast.scheduler().runDue();

    assertThat(channel).isEmpty();
    assertThat(outbox())
        .extracting(AnnouncementRow::state)
        .containsExactly(AnnouncementState.CANCELLED);
    pollcast.service().close(HOST, 68);
    assertThat(channel).singleElement().satisfies(a -> assertThat(a.updated()).isFalse());
  }

  /** What goes wrong while announcing. */
  private enum Fault {
    NONE,
    /** The platform refuses the first announcement. */
    REFUSE_ONCE,
    /** The process dies while asking the platform, before it accepted. */
    CRASH_BEFORE_ACCEPTED,
    /** The process dies after the platform accepted, before the bot noted it. */
    CRASH_AFTER_ACCEPTED
  }

  /** Stands for the process dying: nothing after it runs; not an exception the bot handles. */
  private static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Posts into {@link #channel}. With {@code checksKeys} it behaves like a platform that can find
   * an earlier post by its key (Discord's nonce, Slack's message metadata).
   */
  private static final class ChannelPublisher implements PollPublisher {
    private final List<Announcement> channel;
    private Fault fault;
    private final boolean checksKeys;

    ChannelPublisher(List<Announcement> channel, Fault fault, boolean checksKeys) {
      this.channel = channel;
      this.fault = fault;
      this.checksKeys = checksKeys;
    }

    @Override
    public String post(Place place, PollView poll) {
      return "message-" + poll.info().pollId();
    }

    @Override
    public void showClosed(String messageId, PollView poll) {}

    @Override
    public void announce(Place place, EpisodeResults results) {
      throw new AssertionError("announcements carry their chart");
    }

    @Override
    public void announce(Place place, Announcement announcement) {
      switch (fault) {
        case REFUSE_ONCE -> {
          fault = Fault.NONE;
          throw new IllegalStateException("the platform is unavailable");
        }
        case CRASH_BEFORE_ACCEPTED -> throw new Crash();
        default -> {}
      }
      boolean seen = channel.stream().anyMatch(a -> a.key().equals(announcement.key()));
      if (checksKeys && announcement.possiblyDelivered() && seen) {
        return;
      }
      channel.add(announcement);
      if (fault == Fault.CRASH_AFTER_ACCEPTED) {
        throw new Crash();
      }
    }
  }
}
