package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.MutableClock;
import io.pollcast.slack.fake.ApiCall;
import io.pollcast.slack.fake.SlackMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Slack failing while a host closes an episode: a rate limit (HTTP 429, waited out) and server
 * errors (HTTP 500) on the edits that remove the polls' buttons. The announcement outbox retries
 * the whole delivery, edits included, at the time its back-off sets on the core's clock, which the
 * test moves forward.
 */
final class SlackPlatformFaultsTest {
  private static final String CHANNEL = "C0PODCAST";
  private static final String RESULTS =
      "Results of episode 68: Personalisatie, profiling en privacy";

  // Whole milliseconds: the database keeps microseconds, and a rounded-up time is not yet due.
  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
  private SlackHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = SlackHarness.socketMode(false, clock);
    harness.importExample();
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  @DisplayName("a 429 and 500s during a close: every poll ends closed, the results arrive once")
  void closeRidesOutServerErrors() {
    harness.answer(harness.poll(CHANNEL, HOST, "start 68"));
    List<SlackMessage> polls = harness.awaitMessages(CHANNEL, 3);
    harness.answer(harness.click(polls.get(0), "U0ANNA", 0));
    harness.slack.rateLimit("chat.update", 1);
    harness.slack.failWithServerError("chat.update", 2);

    String answer = harness.answer(harness.poll(CHANNEL, HOST, "close 68"));

    assertThat(answer)
        .isEqualTo("Episode 68 is closed (3 poll(s)); the results will be announced.");
    assertThat(polls.subList(0, 2))
        .allSatisfy(poll -> assertThat(harness.current(poll).actionIds()).isNotEmpty());
    assertThat(harness.current(polls.get(2)).actionIds()).isEmpty();
    assertThat(announcements()).isEmpty();
    assertThat(pending()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(30));
    harness.pollcast.scheduler().runDue();
    clock.advance(Duration.ofHours(2));
    harness.pollcast.scheduler().runDue();

    assertThat(polls).allSatisfy(poll -> assertThat(harness.current(poll).actionIds()).isEmpty());
    assertThat(announcements()).hasSize(1);
    assertThat(harness.slack.workspace().files()).hasSize(1);
    assertThat(pending()).isZero();
    assertThat(harness.slack.calls().failed())
        .extracting(ApiCall::error)
        .map(error -> error.orElseThrow())
        .containsExactlyInAnyOrder("ratelimited", "internal_error", "internal_error");
    assertThat(harness.rateLimitWaits.waits()).containsExactly(Duration.ofSeconds(1));
    assertThat(harness.pollcast.metrics().scrape())
        .contains(
            "pollcast_platform_calls_total{call=\"chat.update\",outcome=\"server_error\","
                + "platform=\"slack\"} 2.0",
            "pollcast_platform_calls_total{call=\"chat.update\",outcome=\"rate_limited\","
                + "platform=\"slack\"} 1.0",
            "pollcast_platform_rate_limit_waits_total{call=\"chat.update\",platform=\"slack\"}"
                + " 1.0",
            "pollcast_announcements_pending 0.0");
  }

  private List<SlackMessage> announcements() {
    return harness.slack.workspace().messages(CHANNEL).stream()
        .filter(m -> m.text().equals(RESULTS))
        .toList();
  }

  private long pending() {
    return harness.pollcast.database().announcements().countUndelivered();
  }
}
