package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.slack.fake.ApiCall;
import io.pollcast.slack.fake.Delivery;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.storage.Await;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** With {@code pollcast.polls.live-results = true}, poll messages show running counts. */
final class SlackLiveCountsTest {
  private static final String CHANNEL = "C0LIVE";
  private SlackHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = SlackHarness.socketMode(true);
    harness.importExample();
  }

  @AfterEach
  void stopBot() {
    try {
      assertThat(harness.slack.calls().failed()).isEmpty();
    } finally {
      harness.close();
    }
  }

  @Test
  @DisplayName("a burst of votes updates the poll message a few times, not once per vote")
  void burstOfVotesIsShownWithFewUpdates() {
    harness.poll(CHANNEL, HOST, "start 68").awaitAck();
    SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
    assertThat(SlackHarness.buttonLabels(poll))
        .containsExactly("Eens · 0", "Oneens · 0", "Withdraw vote");
    long started = System.nanoTime();
    List<Delivery> clicks = new ArrayList<>();

    for (int i = 0; i < 30; i++) {
      clicks.add(harness.click(poll, "U0LISTENER" + i, i % 3 == 0 ? 1 : 0));
    }

    clicks.forEach(Delivery::awaitAck);
    SlackMessage shown =
        Await.value(
            () ->
                Optional.of(harness.current(poll))
                    .filter(
                        m ->
                            SlackHarness.buttonLabels(m)
                                .equals(List.of("Eens · 20", "Oneens · 10", "Withdraw vote"))),
            () -> "the counts 20 and 10 on the poll message");
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    List<ApiCall> updates =
        harness.slack.calls().of("chat.update").stream()
            .filter(c -> c.param("ts").equals(Optional.of(poll.ts())))
            .toList();
    assertThat(updates).hasSizeBetween(1, (int) seconds + 2);
    assertThat(SlackHarness.blockText(shown)).contains("30 vote(s)");
  }
}
