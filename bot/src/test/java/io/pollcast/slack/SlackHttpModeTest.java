package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.slack.fake.HttpModeRequests;
import io.pollcast.slack.fake.SignedRequest;
import io.pollcast.slack.fake.SlackMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pollcast on Slack in HTTP mode: signed requests POSTed to the bot's own HTTP endpoint, verified
 * by Bolt.
 */
final class SlackHttpModeTest {
  private static final String CHANNEL = "C0HTTP";

  private SlackHarness harness;
  private HttpModeRequests requests;

  @BeforeEach
  void startBot() throws Exception {
    harness = SlackHarness.httpMode();
    harness.importExample();
    requests = new HttpModeRequests(harness.slack, SlackHarness.SIGNING_SECRET);
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
  void signedCommandIsCarriedOut() throws Exception {
    Signed start = command(HOST, "start 68");

    HttpResponse<String> response = start.request().postTo(harness.endpoint());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(harness.awaitMessages(CHANNEL, 3)).hasSize(3);
    assertThat(harness.privateAnswer(start.responseUrl()).path("text").asText())
        .isEqualTo("Episode 68: posted 3 thesis poll(s).");
  }

  @Test
  @DisplayName("/poll dashboard gives a moderator a link to the dashboard on the endpoint's server")
  void dashboardIsServedWithTheEndpoint() throws Exception {
    Signed refused = command("U0MEMBER", "dashboard");
    refused.request().postTo(harness.endpoint());
    assertThat(harness.privateAnswer(refused.responseUrl()).path("text").asText())
        .isEqualTo("Only moderators and hosts get a dashboard link.");

    Signed asked = command(SlackHarness.MODERATOR, "dashboard");
    assertThat(asked.request().postTo(harness.endpoint()).statusCode()).isEqualTo(200);
    String answer = harness.privateAnswer(asked.responseUrl()).path("text").asText();
    Matcher link = Pattern.compile("http://\\S+\\?t=\\S+").matcher(answer);
    assertThat(link.find()).as(answer).isTrue();
    URI dashboard = URI.create(link.group());

    assertThat(dashboard.getPort()).isEqualTo(harness.endpoint().getPort());
    HttpResponse<String> page =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(HttpRequest.newBuilder(dashboard).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Episodes").contains("Personalisatie, profiling en privacy");
  }

  @Test
  @DisplayName("a forged signature is refused with 401 and changes nothing")
  void forgedSignatureIsRefused() throws Exception {
    Signed start = command(HOST, "start 68");

    HttpResponse<String> response = start.request().withWrongSignature().postTo(harness.endpoint());
    harness.stopBot();

    assertThat(response.statusCode()).isEqualTo(401);
    assertNothingChanged(start);
  }

  @Test
  @DisplayName(
      "a request signed more than five minutes ago is refused with 401 and changes nothing")
  void staleTimestampIsRefused() throws Exception {
    Signed start = command(HOST, "start 68");
    Instant sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6));

    HttpResponse<String> response =
        start.request().signedAt(sixMinutesAgo).postTo(harness.endpoint());
    harness.stopBot();

    assertThat(response.statusCode()).isEqualTo(401);
    assertNothingChanged(start);
  }

  @Test
  @DisplayName("a click that Slack retries is counted and answered once")
  void retriedClickCountsOnce() throws Exception {
    command(HOST, "start 68").request().postTo(harness.endpoint());
    SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
    Signed click = click(poll, "U0ANNA", 1);

    HttpResponse<String> first = click.request().postTo(harness.endpoint());
    HttpResponse<String> retry =
        click.request().withRetry(1, "http_timeout").postTo(harness.endpoint());
    harness.stopBot();

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(harness.privateAnswer(click.responseUrl()).path("text").asText())
        .startsWith("Your vote counts: Oneens (thesis 68.1).");
    assertThat(harness.results(68).theses().get(0).voters()).isEqualTo(1);
  }

  @Test
  @DisplayName("a click that Slack retries, signed anew, to another process is answered once")
  void retriedClickOnAnotherProcessCountsOnce() throws Exception {
    command(HOST, "start 68").request().postTo(harness.endpoint());
    SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
    Signed click = click(poll, "U0ANNA", 1);

    HttpResponse<String> first = click.request().postTo(harness.endpoint());
    HttpResponse<String> retry;
    try (SlackHarness other = harness.anotherBot()) {
      retry =
          click
              .request()
              .signedAt(Instant.now().plusSeconds(1))
              .withRetry(1, "http_timeout")
              .postTo(other.endpoint());
      other.stopBot();
    }
    harness.stopBot();

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(harness.privateAnswer(click.responseUrl()).path("text").asText())
        .startsWith("Your vote counts: Oneens (thesis 68.1).");
    assertThat(harness.results(68).theses().get(0).voters()).isEqualTo(1);
  }

  private void assertNothingChanged(Signed request) {
    assertThat(harness.slack.workspace().messages(CHANNEL)).isEmpty();
    assertThat(harness.slack.workspace().responsePosts(request.responseUrl())).isEmpty();
    assertThat(harness.slack.calls().of("chat.postMessage")).isEmpty();
    assertThat(harness.pollcast.service().episodes().get(0).openPolls()).isZero();
  }

  /** {@code user} types {@code /poll text}: the signed request and where the answer goes. */
  private Signed command(String user, String text) {
    Map<String, String> fields =
        harness.slack.payloads().slashCommand(CHANNEL, user, "/poll", text);
    return new Signed(requests.form(fields), fields.get("response_url"));
  }

  /** {@code user} clicks the button of {@code option} on a poll message. */
  private Signed click(SlackMessage poll, String user, int option) {
    String actionId = "vote:" + option;
    JsonNode payload =
        harness
            .slack
            .payloads()
            .blockAction(
                user,
                poll.channel(),
                poll.ts(),
                actionId,
                SlackHarness.buttonValue(poll, actionId));
    return new Signed(requests.interaction(payload), payload.path("response_url").asText());
  }

  /** A signed request and the response URL in its payload. */
  private record Signed(SignedRequest request, String responseUrl) {}
}
