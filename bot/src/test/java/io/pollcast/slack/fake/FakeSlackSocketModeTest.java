package io.pollcast.slack.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.storage.Await;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The real Bolt, over Socket Mode with the Java-WebSocket backend, against {@link FakeSlack}: one
 * bot connection shared by the tests, each test in its own channel.
 */
final class FakeSlackSocketModeTest {
  private static FakeSlack slack;
  private static ThrowawayPollBot bot;

  @BeforeAll
  static void connectBot() throws Exception {
    slack = FakeSlack.start();
    bot = new ThrowawayPollBot(slack);
    // Bolt's default runs envelopes one at a time on the client's single processor thread;
    // a pool of 4 is what a bot should use, and it keeps the 200-click burst short.
    bot.startSocketMode(4);
    slack.awaitSocketModeConnection();
  }

  @AfterAll
  static void stopBot() throws Exception {
    bot.stop();
    slack.close();
  }

  @AfterEach
  void nothingWentWrong() {
    assertThat(bot.errors).isEmpty();
    assertThat(slack.calls().unknown()).isEmpty();
    assertThat(slack.calls().failed()).isEmpty();
    assertThat(slack.unexpectedSocketModeMessages()).isEmpty();
  }

  @Test
  void startupChecksTheTokenAndOpensOneConnection() {
    assertThat(slack.calls().of("auth.test")).isNotEmpty();
    assertThat(slack.calls().of("apps.connections.open"))
        .allSatisfy(call -> assertThat(call.token()).contains(FakeSlack.APP_TOKEN));
    assertThat(slack.openSocketModeConnections()).isEqualTo(1);
  }

  @Test
  void slashCommandIsAcknowledgedAndItsMessageStored() {
    Delivery command = slack.slashCommand("C0START", "U1", "/poll", "start 68");

    Ack ack = command.awaitAck();

    assertThat(ack.payload().map(p -> p.path("text").asText())).contains("Poll 68 started");
    ApiCall post = slack.calls().await("chat.postMessage", c -> inChannel(c, "C0START"));
    assertThat(post.token()).contains(FakeSlack.BOT_TOKEN);
    SlackMessage message = slack.workspace().messages("C0START").get(0);
    assertThat(message.blockTypes()).containsExactly("section", "actions");
    assertThat(message.actionIds()).containsExactly("vote_agree", "vote_disagree");
    assertThat(message.text()).isEqualTo("Thesis of episode 68");
  }

  @Test
  void clickIsAcknowledgedAnsweredPrivatelyAndUpdatesTheButtons() {
    SlackMessage poll = startPoll("C0CLICK");

    Delivery click = slack.clickButton("U2", "C0CLICK", poll.ts(), "vote_agree", "68:agree");

    assertThat(click.awaitAck().payload()).isEmpty();
    Await.until(
        () -> !ephemerals("C0CLICK", "U2").isEmpty(), () -> "an ephemeral confirmation to U2");
    assertThat(ephemerals("C0CLICK", "U2").get(0).text()).isEqualTo("You voted agree");
    SlackMessage updated =
        Await.value(
            () -> slack.workspace().message("C0CLICK", poll.ts()).filter(m -> m.revision() == 2),
            () -> "the poll message updated");
    assertThat(buttonLabels(updated)).containsExactly("Agree (1)", "Disagree (0)");
  }

  @Test
  void slashCommandAnswersThroughItsResponseUrl() {
    Delivery command = slack.slashCommand("C0RESULTS", "U3", "/poll", "results 68");

    command.awaitAck();

    String responseUrl = command.responseUrl().orElseThrow();
    assertThat(responseUrl).startsWith("http://127.0.0.1:");
    assertThat(slack.workspace().responsePosts(responseUrl))
        .singleElement()
        .satisfies(post -> assertThat(post.body().path("text").asText()).contains("poll 68"));
  }

  @Test
  @DisplayName("a modal opens with the command's trigger id, and its submission is acknowledged")
  void modalOpensAndItsSubmissionIsAcknowledged() {
    Delivery command = slack.slashCommand("C0SUGGEST", "U4", "/poll", "suggest");
    command.awaitAck();
    String triggerId = command.payload().path("trigger_id").asText();
    Workspace.OpenedView modal =
        Await.value(
            () ->
                slack.workspace().views().stream()
                    .filter(v -> v.triggerId().equals(triggerId))
                    .findFirst(),
            () -> "a modal opened with trigger " + triggerId);
    assertThat(modal.callbackId()).isEqualTo("poll_suggest");

    Ack empty =
        slack.viewSubmission("U4", modal.id(), Map.of("thesis", Map.of("text", " "))).awaitAck();
    Ack filled =
        slack
            .viewSubmission("U4", modal.id(), Map.of("thesis", Map.of("text", "Less is more")))
            .awaitAck();

    JsonNode errors = empty.payload().orElseThrow();
    assertThat(errors.path("response_action").asText()).isEqualTo("errors");
    assertThat(errors.path("errors").path("thesis").asText()).isEqualTo("Please write a thesis");
    assertThat(filled.payload()).isEmpty();
  }

  @Test
  void filesUploadV2GoesThroughAllThreeCalls() {
    slack.slashCommand("C0CHART", "U5", "/poll", "chart 68").awaitAck();

    Workspace.SlackFile file =
        Await.value(
            () ->
                slack.workspace().files().stream()
                    .filter(f -> f.channel().equals(Optional.of("C0CHART")))
                    .findFirst(),
            () -> "a file shared in C0CHART");
    assertThat(file.completed()).isTrue();
    assertThat(file.filename()).isEqualTo("poll-68.png");
    assertThat(file.bytes()).isEqualTo(ThrowawayPollBot.chartPng());
    assertThat(file.length()).isEqualTo(file.bytes().length);
    List<String> uploadCalls = new ArrayList<>(slack.calls().methods());
    uploadCalls.retainAll(List.of("files.getUploadURLExternal", "files.completeUploadExternal"));
    assertThat(uploadCalls)
        .containsExactly("files.getUploadURLExternal", "files.completeUploadExternal");
  }

  @Test
  void burstOf200ClicksIsAcknowledgedExactlyOnceEach() {
    SlackMessage poll = startPoll("C0BURST");
    List<Delivery> clicks = new ArrayList<>();

    for (int i = 0; i < 200; i++) {
      String option = i % 3 == 0 ? "disagree" : "agree";
      clicks.add(
          slack.clickButton(
              "U" + (1000 + i), "C0BURST", poll.ts(), "vote_" + option, "68:" + option));
    }

    clicks.forEach(click -> click.awaitAck(Duration.ofSeconds(15)));
    assertThat(clicks).allSatisfy(click -> assertThat(click.acks()).hasSize(1));
    assertThat(slack.calls().of("chat.postEphemeral"))
        .filteredOn(call -> inChannel(call, "C0BURST"))
        .hasSize(200);
  }

  @Test
  @DisplayName("a retried click is acknowledged again but changes nothing")
  void retriedClickIsAcknowledgedAgainButHandledOnce() {
    SlackMessage poll = startPoll("C0RETRY");
    int runs = bot.voteRuns.get();
    Delivery click = slack.clickButton("U6", "C0RETRY", poll.ts(), "vote_disagree", "68:disagree");
    click.awaitAck();

    Delivery retry = click.redeliver("timeout");

    retry.awaitAck();
    assertThat(retry.envelopeId()).isEqualTo(click.envelopeId());
    assertThat(click.acks()).hasSize(2);
    assertThat(bot.voteRuns.get()).isEqualTo(runs + 2);
    assertThat(bot.retryNums).contains("1");
    assertThat(ephemerals("C0RETRY", "U6")).hasSize(1);
    assertThat(slack.calls().of("chat.update")).filteredOn(c -> inChannel(c, "C0RETRY")).hasSize(1);
  }

  @Test
  void reconnectsWhenSlackAsksForARefresh() {
    int opened = slack.socketModeConnectionsOpened();

    slack.requestSocketModeRefresh();

    // Bolt may reconnect more than once while the old session closes; what counts is that it ends
    // on one new connection and is answered there
    Await.until(
        () ->
            slack.socketModeConnectionsOpened() > opened && slack.openSocketModeConnections() == 1,
        () -> "the bot on one new connection");
    slack.slashCommand("C0REFRESH", "U7", "/poll", "start 69").awaitAck();
  }

  @Test
  @DisplayName("Bolt's Web API calls run on OkHttp 5, the only OkHttp on the classpath")
  void webApiRunsOnOkHttp5() throws Exception {
    List<URL> okHttpClients =
        Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));

    assertThat(OkHttp.VERSION).startsWith("5");
    assertThat(okHttpClients).singleElement().asString().contains("okhttp-jvm");
    OkHttpClient boltsClient = bot.app().slack().getHttpClient().getOkHttpClient();
    assertThat(boltsClient.getClass()).isEqualTo(OkHttpClient.class);
    assertThat(bot.app().client().authTest(r -> r).isOk()).isTrue();
  }

  private static SlackMessage startPoll(String channel) {
    slack.slashCommand(channel, "U1", "/poll", "start 68").awaitAck();
    return Await.value(
        () -> slack.workspace().messages(channel).stream().findFirst(),
        () -> "a poll message in " + channel);
  }

  private static List<Workspace.Ephemeral> ephemerals(String channel, String user) {
    return slack.workspace().ephemerals().stream()
        .filter(e -> e.channel().equals(channel) && e.user().equals(user))
        .toList();
  }

  private static boolean inChannel(ApiCall call, String channel) {
    return call.param("channel").equals(Optional.of(channel));
  }

  private static List<String> buttonLabels(SlackMessage message) {
    List<String> labels = new ArrayList<>();
    message
        .blocks()
        .forEach(
            b -> b.path("elements").forEach(e -> labels.add(e.path("text").path("text").asText())));
    return labels;
  }
}
