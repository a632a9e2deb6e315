package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.slack.SignedActions.Signed;
import io.pollcast.slack.fake.SignedRequest;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.storage.Await;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Clients that trickle their headers or bodies, or open too many connections, against the real web
 * server with short limits: they are cut off, and a signed click meanwhile is answered at once.
 */
final class SlackSlowClientTest {
  private static final String CHANNEL = "C0HTTP";
  private static final int PER_ADDRESS = 12;
  static final Map<String, Object> SHORT_LIMITS =
      Map.of(
          "pollcast.slack.server.header-timeout", "1s",
          "pollcast.slack.server.body-timeout", "1s",
          "pollcast.slack.server.idle-timeout", "3s",
          "pollcast.slack.server.max-connections-per-address", PER_ADDRESS);

  private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
  private final List<SlowClient> slow = new ArrayList<>();
  private SlackHarness harness;
  private SignedActions users;

  @BeforeEach
  void startBot() throws Exception {
    harness = SlackHarness.httpMode(SHORT_LIMITS);
    harness.importExample();
    users = new SignedActions(harness, CHANNEL);
  }

  @AfterEach
  void stopBot() throws Exception {
    for (SlowClient client : slow) {
      client.close();
    }
    ticks.shutdownNow();
    harness.close();
  }

  @Test
  @DisplayName("clients trickling headers and bodies delay no signed click, and are cut off")
  void slowClientsAreCutOffAndDelayNobody() throws Exception {
    users.command(HOST, "start 68").request().postTo(harness.endpoint());
    SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
    int port = harness.endpoint().getPort();
    SignedRequest signed = users.command(HOST, "tally 68").request();
    String signedHeaders =
        "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: "
            + SignedRequest.FORM
            + "\r\nX-Slack-Request-Timestamp: "
            + signed.timestamp()
            + "\r\nX-Slack-Signature: "
            + signed.signature()
            + "\r\nContent-Length: "
            + signed.body().length()
            + "\r\n\r\n";
    for (int i = 0; i < 4; i++) {
      slow.add(
          SlowClient.start(port, "", "POST /slack/events HTTP/1.1\r\nHost: x\r\n", ticks, 100));
      slow.add(SlowClient.start(port, signedHeaders, signed.body(), ticks, 100));
    }
    Signed click = users.click(poll, "U0ANNA", 1);

    long start = System.nanoTime();
    HttpResponse<String> response = click.request().postTo(harness.endpoint());
    String answer = harness.privateAnswer(click.responseUrl()).path("text").asText();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(answer).startsWith("Your vote counts: Oneens");
    assertThat(took).isLessThan(Duration.ofSeconds(3));
    Await.until(
        Duration.ofSeconds(5),
        () -> slow.stream().allMatch(SlowClient::closedByServer),
        () -> "the server to close every slow client");
    assertThat(slow).noneMatch(SlowClient::sentAll);
  }

  @Test
  @DisplayName("connections over the limit for one address are closed at once")
  void connectionsOverTheLimitAreClosed() throws Exception {
    int port = harness.endpoint().getPort();
    for (int i = 0; i < PER_ADDRESS + 3; i++) {
      slow.add(SlowClient.start(port, "", "", ticks, 1_000));
    }

    Await.until(
        Duration.ofMillis(500),
        () -> slow.stream().filter(SlowClient::closedByServer).count() >= 3,
        () -> "three connections closed before the header timeout");
    assertThat(slow.stream().filter(SlowClient::closedByServer).count()).isEqualTo(3);
  }
}
