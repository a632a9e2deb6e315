package io.pollcast.slack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.response.Response;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real Bolt in HTTP mode, verifying the requests {@link HttpModeRequests} signs: handed to the
 * {@code App} directly, and posted to a JDK HTTP server in front of it.
 */
final class FakeSlackHttpModeTest {
  private static FakeSlack slack;
  private static ThrowawayPollBot bot;
  private static BoltHttpEndpoint endpoint;
  private static HttpModeRequests requests;

  /** The two ways a test can deliver a signed request to the bot. */
  enum Transport {
    APP_DIRECTLY {
      @Override
      Reply send(SignedRequest request) throws Exception {
        Response response = request.sendTo(bot.app());
        return new Reply(response.getStatusCode(), response.getBody());
      }
    },
    HTTP_ENDPOINT {
      @Override
      Reply send(SignedRequest request) throws Exception {
        HttpResponse<String> response = request.postTo(endpoint.uri());
        return new Reply(response.statusCode(), response.body());
      }
    };

    abstract Reply send(SignedRequest request) throws Exception;

    String channel() {
      return "C0" + name();
    }
  }

  record Reply(int status, String body) {}

  @BeforeAll
  static void startBot() throws Exception {
    slack = FakeSlack.start();
    bot = new ThrowawayPollBot(slack);
    endpoint = BoltHttpEndpoint.start(bot.app());
    requests = new HttpModeRequests(slack, ThrowawayPollBot.SIGNING_SECRET);
  }

  @AfterAll
  static void stopBot() throws Exception {
    endpoint.close();
    bot.stop();
    slack.close();
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void signedSlashCommandRunsTheHandler(Transport transport) throws Exception {
    int runs = bot.commandRuns.get();

    Reply reply =
        transport.send(requests.slashCommand(transport.channel(), "U1", "/poll", "start 70"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("Poll 70 started");
    assertThat(bot.commandRuns.get()).isEqualTo(runs + 1);
    assertThat(slack.workspace().messages(transport.channel())).hasSize(1);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void wronglySignedRequestIsRejected(Transport transport) throws Exception {
    int runs = bot.commandRuns.get();

    Reply reply =
        transport.send(requests.slashCommand("U1", "/poll", "start 71").withWrongSignature());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body()).contains("invalid request");
    assertThat(bot.commandRuns.get()).isEqualTo(runs);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void requestSignedSixMinutesAgoIsRejected(Transport transport) throws Exception {
    int runs = bot.commandRuns.get();
    Instant sixMinutesAgo = Instant.now().minus(Duration.ofMinutes(6));

    Reply reply =
        transport.send(requests.slashCommand("U1", "/poll", "start 72").signedAt(sixMinutesAgo));

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.body()).contains("invalid request");
    assertThat(bot.commandRuns.get()).isEqualTo(runs);
  }

  @ParameterizedTest
  @EnumSource(Transport.class)
  void signedClickRunsTheActionHandlerOncePerRetry(Transport transport) throws Exception {
    String channel = transport.channel() + "CLICK";
    transport.send(requests.slashCommand(channel, "U1", "/poll", "start 73"));
    SlackMessage poll = slack.workspace().messages(channel).get(0);
    SignedRequest click = requests.clickButton("U9", channel, poll.ts(), "vote_agree", "73:agree");

    Reply first = transport.send(click);
    Reply retry = transport.send(click.withRetry(1, "http_timeout"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(bot.retryNums).contains("1");
    assertThat(slack.workspace().ephemerals())
        .filteredOn(e -> e.channel().equals(channel))
        .singleElement()
        .satisfies(e -> assertThat(e.text()).isEqualTo("You voted agree"));
  }

  @Test
  void signatureIsTheOneBoltComputes() {
    SignedRequest request = requests.slashCommand("U1", "/poll", "start 74 ünïcode & more");

    String bolts =
        new SlackSignature.Generator(ThrowawayPollBot.SIGNING_SECRET)
            .generate(Long.toString(request.timestamp()), request.body());

    assertThat(request.signature()).isEqualTo(bolts);
    assertThat(request.body()).contains("command=%2Fpoll").contains("text=start+74+%C3%BCn");
  }
}
