package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.domain.OptionResult;
import io.pollcast.slack.fake.Delivery;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.storage.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Socket Mode connection goes away in the middle of a burst of clicks: Slack asks for a refresh
 * ({@code {"type":"disconnect","reason":"refresh_requested"}}), or the connection drops. Bolt
 * connects again; Slack sends the clicks that were not acknowledged again, and every click is
 * counted once and answered once.
 */
final class SlackConnectionFaultsTest {
  private static final String CHANNEL = "C0PODCAST";
  private static final int CLICKS = 40;

  /** Room for Bolt's reconnection and Slack's redeliveries on a busy machine. */
  private static final Duration RECONNECT = Duration.ofSeconds(30);

  private SlackHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = SlackHarness.socketMode(false);
    harness.slack.redeliverUnacknowledged();
    harness.importExample();
  }

  @AfterEach
  void close() {
    try {
      assertThat(harness.slack.unexpectedSocketModeMessages()).isEmpty();
    } finally {
      harness.close();
    }
  }

  @Test
  @DisplayName(
      "a refresh requested mid-burst: Bolt reconnects, each click counted and answered once")
  void refreshMidBurst() {
    burstAcross(() -> harness.slack.requestSocketModeRefresh());
  }

  @Test
  @DisplayName(
      "a dropped connection mid-burst: Bolt reconnects, each click counted and answered once")
  void dropMidBurst() {
    burstAcross(() -> harness.slack.dropSocketModeConnections());
  }

  private void burstAcross(Runnable fault) {
    harness.answer(harness.poll(CHANNEL, HOST, "start 68"));
    SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
    int opened = harness.slack.socketModeConnectionsOpened();

    List<Delivery> clicks = new ArrayList<>();
    for (int i = 0; i < CLICKS; i++) {
      if (i == CLICKS / 2) {
        fault.run();
      }
      clicks.add(harness.click(poll, "U0V" + i, i % 2));
    }

    Await.until(
        RECONNECT,
        () ->
            harness.slack.socketModeConnectionsOpened() > opened
                && harness.slack.openSocketModeConnections() == 1,
        () -> "the bot on one new connection");
    for (int i = 0; i < CLICKS; i++) {
      Delivery click = clicks.get(i);
      Await.until(
          RECONNECT, () -> !click.acks().isEmpty(), () -> "an ack of " + click.envelopeId());
      assertThat(harness.answer(click))
          .isEqualTo(
              "Your vote counts: "
                  + (i % 2 == 0 ? "Eens" : "Oneens")
                  + " (thesis 68.1). You can change it until the poll closes.");
    }
    assertThat(harness.results(68).theses().get(0).options())
        .extracting(OptionResult::votes)
        .containsExactly(CLICKS / 2, CLICKS / 2);
  }
}
