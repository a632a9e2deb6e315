package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.slack.SignedActions.Signed;
import io.pollcast.slack.fake.SlackMessage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A signed click resent byte for byte within its five minutes counts once: the bot remembers it in
 * the database, so neither a restarted bot nor a second one on the same database carries it out.
 */
final class SlackReplayTest {
  private static final String CHANNEL = "C0HTTP";
  private static final String ANNA = "U0ANNA";

  private SlackHarness first;
  private SlackHarness second;
  private SlackMessage poll;
  private SignedActions users;

  @BeforeEach
  void startBot() throws Exception {
    first = SlackHarness.httpMode();
    first.importExample();
    users = new SignedActions(first, CHANNEL);
    users.command(HOST, "start 68").request().postTo(first.endpoint());
    poll = first.awaitMessages(CHANNEL, 3).get(0);
  }

  @AfterEach
  void stopBots() {
    if (second != null) {
      second.close();
    }
    first.close();
  }

  @Test
  @DisplayName("Eens, then Oneens; restart; the Eens click replayed changes nothing")
  void replayAfterRestartDoesNothing() throws Exception {
    Signed eens = users.click(poll, ANNA, 0);
    Signed oneens = users.click(poll, ANNA, 1);
    eens.request().postTo(first.endpoint());
    first.privateAnswer(eens.responseUrl());
    oneens.request().postTo(first.endpoint());
    first.privateAnswer(oneens.responseUrl());
    first.stopBot();
    first.pollcast.close();

    second = first.anotherBot();
    HttpResponse<String> replay = eens.request().postTo(second.endpoint());
    second.stopBot();

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(second.slack.workspace().responsePosts(eens.responseUrl())).hasSize(1);
    assertThat(second.results(68).theses().get(0).options())
        .extracting(option -> option.votes())
        .containsExactly(0, 1);
  }

  @Test
  @DisplayName(
      "a click carried out by one bot, replayed to a second on the same database, counts once")
  void replayToASecondBotDoesNothing() throws Exception {
    second = first.anotherBot();
    Signed eens = users.click(poll, ANNA, 0);
    Signed oneens = users.click(poll, ANNA, 1);
    eens.request().postTo(first.endpoint());
    first.privateAnswer(eens.responseUrl());
    oneens.request().postTo(first.endpoint());
    first.privateAnswer(oneens.responseUrl());

    HttpResponse<String> replay = eens.request().postTo(second.endpoint());
    second.stopBot();
    first.stopBot();

    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(first.slack.workspace().responsePosts(eens.responseUrl())).hasSize(1);
    assertThat(first.results(68).theses().get(0).options())
        .extracting(option -> option.votes())
        .containsExactly(0, 1);
  }
}
