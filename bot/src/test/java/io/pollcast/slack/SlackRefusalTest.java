package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollcast.slack.SignedActions.Signed;
import io.pollcast.slack.fake.SignedRequest;
import io.pollcast.slack.fake.SlackMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the internet may send the HTTP endpoint besides Slack's requests, against the real bot, web
 * server and Bolt: each is answered with a status, changes nothing, and leaves at most a count in
 * the log.
 */
final class SlackRefusalTest {
  private static final String CHANNEL = "C0HTTP";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SlackHarness harness;
  private SignedActions users;

  @BeforeEach
  void startBot() throws Exception {
    harness = SlackHarness.httpMode();
    harness.importExample();
    users = new SignedActions(harness, CHANNEL);
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
  @DisplayName("timestamps more than five minutes ahead or behind are refused with 401")
  void timestampsOutsideTheWindowAreRefused() throws Exception {
    Signed start = users.command(HOST, "start 68");
    Instant now = Instant.now();

    for (Duration off :
        new Duration[] {
          Duration.ofMinutes(6),
          Duration.ofHours(1),
          Duration.ofDays(3650),
          Duration.ofMinutes(-6),
          Duration.ofDays(-1)
        }) {
      HttpResponse<String> response =
          start.request().signedAt(now.plus(off)).postTo(harness.endpoint());
      assertThat(response.statusCode()).as("signed %s from now", off).isEqualTo(401);
    }
    harness.stopBot();

    assertThat(harness.slack.workspace().messages(CHANNEL)).isEmpty();
    assertThat(harness.slack.workspace().responsePosts(start.responseUrl())).isEmpty();
    assertThat(harness.pollcast.service().episodes().get(0).openPolls()).isZero();
  }

  @Test
  @DisplayName("a timestamp four minutes ahead is within the window and accepted")
  void timestampJustAheadIsAccepted() throws Exception {
    Signed start = users.command(HOST, "start 68");

    HttpResponse<String> response =
        start.request().signedAt(Instant.now().plusSeconds(240)).postTo(harness.endpoint());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(harness.awaitMessages(CHANNEL, 3)).hasSize(3);
  }

  @Test
  @DisplayName("malformed payloads get 400 after the signature check, naming what is missing")
  void malformedPayloadsGet400() throws Exception {
    users.command(HOST, "start 68").request().postTo(harness.endpoint());
    SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
    ObjectNode clickWithoutUser = (ObjectNode) users.clickPayload(poll, "U0ANNA", 0);
    clickWithoutUser.remove("user");

    SignedRequest notJson = users.form(Map.of("payload", "{not json"));
    SignedRequest array = users.form(Map.of("payload", "[1,2,3]"));
    SignedRequest withoutUser = users.form(Map.of("payload", clickWithoutUser.toString()));
    SignedRequest bareCommand = users.form(Map.of("command", "/poll"));

    assertThat(notJson.postTo(harness.endpoint()).statusCode()).isEqualTo(400);
    assertThat(array.postTo(harness.endpoint()).statusCode()).isEqualTo(400);
    HttpResponse<String> noUser = withoutUser.postTo(harness.endpoint());
    assertThat(noUser.statusCode()).isEqualTo(400);
    assertThat(noUser.body()).contains("user.id");
    HttpResponse<String> command = bareCommand.postTo(harness.endpoint());
    assertThat(command.statusCode()).isEqualTo(400);
    assertThat(command.body())
        .isEqualTo("command without user_id, channel_id, response_url, trigger_id");
    assertThat(notJson.withWrongSignature().postTo(harness.endpoint()).statusCode())
        .as("the signature is checked first")
        .isEqualTo(401);
    harness.stopBot();

    assertThat(harness.results(68).theses().get(0).voters()).isZero();
  }

  @Test
  @DisplayName(
      "a forged log line stays on one line, and 1 MB unsigned bodies add < 1 KB to the log")
  void outsideTextNeverReachesTheLog() throws Exception {
    String forged = "x=1\n05:00:00.000 ERROR io.pollcast.Forged - forged line\n";
    String megabyte = "a".repeat(1_000_000);
    String log;
    try (LogCapture capture = new LogCapture()) {
      assertThat(post(forged).statusCode()).isEqualTo(401);
      String payload = "{\"type\":\"" + forged + "\"}";
      assertThat(post("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)).statusCode())
          .isEqualTo(401);
      SignedRequest signedForgery =
          users.form(
              Map.of(
                  "payload",
                  "{\"type\":\"" + forged.replace("\n", "\\n") + "\",\"user\":{\"id\":\"U1\"}}"));
      assertThat(signedForgery.postTo(harness.endpoint()).statusCode()).isEqualTo(400);
      for (int i = 0; i < 20; i++) {
        assertThat(post(megabyte).statusCode()).isEqualTo(401);
      }
      harness.stopBot();
      log = capture.text();
    }

    assertThat(log).doesNotContain("\n05:00:00.000").doesNotContain("forged line");
    assertThat(log.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024);
    assertThat(log.lines().filter(line -> line.contains("Refused"))).hasSize(1);
    assertThat(log).contains("22 × Slack requests with a wrong, missing or stale signature (401)");
  }

  /** An unsigned POST of {@code body} as a form. */
  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(harness.endpoint().toString()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", SignedRequest.FORM)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
