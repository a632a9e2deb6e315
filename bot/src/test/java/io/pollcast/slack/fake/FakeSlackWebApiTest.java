package io.pollcast.slack.fake;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's own Web API rules, through the real Slack SDK client: errors are Slack's errors. */
final class FakeSlackWebApiTest {
  private FakeSlack fake;
  private Slack slack;
  private MethodsClient bot;

  @BeforeEach
  void start() throws Exception {
    fake = FakeSlack.start();
    slack = Slack.getInstance(fake.slackConfig());
    bot = slack.methods(FakeSlack.BOT_TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  @Test
  void unknownMethodIsAnsweredAndJournaled() throws Exception {
    HttpResponse<String> reply =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(fake.apiUrl() + "pins.add"))
                    .header("Authorization", "Bearer " + FakeSlack.BOT_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString("channel=C1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(reply.body()).isEqualTo("{\"ok\":false,\"error\":\"unknown_method\"}");
    assertThat(fake.calls().unknown())
        .singleElement()
        .satisfies(call -> assertThat(call.param("channel")).contains("C1"));
  }

  @Test
  void tokensAreCheckedAsSlackDoes() throws Exception {
    assertThat(slack.methods("xoxb-forged").authTest(r -> r).getError()).isEqualTo("invalid_auth");
    assertThat(
            slack
                .methods(FakeSlack.APP_TOKEN)
                .chatPostMessage(r -> r.channel("C1").text("hi"))
                .getError())
        .isEqualTo("not_allowed_token_type");
    assertThat(bot.appsConnectionsOpen(r -> r).getError()).isEqualTo("not_allowed_token_type");
  }

  @Test
  void blocksOverSlackLimitsAreRejected() throws Exception {
    String label = "x".repeat(76);

    ChatPostMessageResponse reply =
        bot.chatPostMessage(
            r ->
                r.channel("C1")
                    .text("poll")
                    .blocks(
                        asBlocks(
                            actions(
                                List.of(button(b -> b.actionId("vote").text(plainText(label))))))));

    assertThat(reply.getError()).isEqualTo("invalid_blocks");
    assertThat(reply.getResponseMetadata().getMessages())
        .containsExactly(
            "[ERROR] must be less than 76 characters [json-pointer:/blocks/0/elements/0/text/text]");
    assertThat(fake.workspace().messages("C1")).isEmpty();
  }

  @Test
  void updatesNeedAnExistingMessageAndModalsAFreshTrigger() throws Exception {
    assertThat(bot.chatUpdate(r -> r.channel("C1").ts("1.000001").text("x")).getError())
        .isEqualTo("message_not_found");
    assertThat(bot.viewsOpen(r -> r.triggerId("12.34.made-up").viewAsString("{}")).getError())
        .isEqualTo("invalid_trigger_id");
  }

  @Test
  void completingAnUploadNeedsTheBytes() throws Exception {
    String fileId = bot.filesGetUploadURLExternal(r -> r.filename("a.png").length(3)).getFileId();

    FileDetails file = FileDetails.builder().id(fileId).title("a.png").build();

    assertThat(bot.filesCompleteUploadExternal(r -> r.files(List.of(file))).getError())
        .isEqualTo("file_not_found");
  }

  @Test
  void clicksMustHitAButtonTheBotPosted() {
    JsonNode blocks =
        Json.parse(
            "[{\"type\":\"actions\",\"block_id\":\"b\",\"elements\":[{\"type\":\"button\","
                + "\"action_id\":\"vote_agree\",\"text\":{\"type\":\"plain_text\",\"text\":\"Agree\"},"
                + "\"value\":\"1:agree\"}]}]");
    SlackMessage seeded = fake.workspace().seedMessage("C1", "poll", blocks);

    JsonNode click = fake.payloads().blockAction("U1", "C1", seeded.ts(), "vote_agree", "1:agree");

    assertThat(click.path("actions").get(0).path("block_id").asText()).isEqualTo("b");
    assertThat(click.path("response_url").asText())
        .startsWith(fake.apiUrl().replace("api/", "response/"));
    assertThatThrownBy(() -> fake.payloads().blockAction("U1", "C1", seeded.ts(), "vote_no", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[vote_agree]");
  }
}
