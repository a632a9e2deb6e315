package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.slack.fake.ApiCall;
import io.pollcast.slack.fake.SlackMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Slack's rate limit (HTTP 429) delays a close; it neither fails it nor posts anything twice. */
final class SlackRateLimitTest {
  private static final String CHANNEL = "C0PODCAST";

  private SlackHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = SlackHarness.socketMode(false);
    harness.importExample();
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  @DisplayName("a close whose edits and announcement are rate-limited waits, then lands once")
  void rateLimitedCallsAreMadeAgainAfterRetryAfter() {
    harness.answer(harness.poll(CHANNEL, HOST, "start 68"));
    List<SlackMessage> polls = harness.awaitMessages(CHANNEL, 3);
    harness.answer(harness.click(polls.get(0), "U0ANNA", 0));
    harness.slack.rateLimit("chat.update", 2);
    harness.slack.rateLimit("chat.postMessage", 1);

    String answer = harness.answer(harness.poll(CHANNEL, HOST, "close 68"));

    assertThat(answer)
        .isEqualTo("Episode 68 is closed (3 poll(s)); the results have been announced.");
    List<SlackMessage> all = harness.slack.workspace().messages(CHANNEL);
    assertThat(all).hasSize(4);
    assertThat(all.subList(0, 3)).allSatisfy(poll -> assertThat(poll.revision()).isEqualTo(2));
    assertThat(all.get(3).text())
        .isEqualTo("Results of episode 68: Personalisatie, profiling en privacy");
    assertThat(harness.slack.calls().of("chat.update"))
        .extracting(ApiCall::error)
        .containsExactly(
            Optional.of("ratelimited"),
            Optional.of("ratelimited"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(harness.slack.calls().failed())
        .extracting(ApiCall::error)
        .containsOnly(Optional.of("ratelimited"))
        .hasSize(3);
    assertThat(harness.rateLimitWaits.waits())
        .as("each refused call waited the fake's Retry-After before it was made again")
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }
}
