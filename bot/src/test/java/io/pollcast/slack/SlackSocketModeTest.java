package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static io.pollcast.slack.SlackHarness.MODERATOR;
import static io.pollcast.slack.SlackHarness.blockText;
import static io.pollcast.slack.SlackHarness.buttonLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.ImportReport;
import io.pollcast.slack.fake.ApiCall;
import io.pollcast.slack.fake.Delivery;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.slack.fake.Workspace;
import io.pollcast.storage.Await;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pollcast on Slack in Socket Mode, with the real Bolt against the fake Slack. */
final class SlackSocketModeTest {
  private static final String CHANNEL = "C0PODCAST";

  private SlackHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = SlackHarness.socketMode(false);
    harness.importExample();
  }

  @AfterEach
  void nothingWentWrong() {
    try {
      assertThat(harness.slack.calls().failed()).isEmpty();
      assertThat(harness.slack.calls().unknown()).isEmpty();
      assertThat(harness.slack.unexpectedSocketModeMessages()).isEmpty();
    } finally {
      harness.close();
    }
  }

  @Test
  @DisplayName(
      "start, votes (change, repeat), refusals, private tally, close, announcement, late vote")
  void wholePollFromStartToResults() {
    Delivery start = harness.poll(CHANNEL, HOST, "start 68");

    assertThat(start.awaitAck().payload()).isEmpty();
    assertThat(harness.answer(start)).isEqualTo("Episode 68: posted 3 thesis poll(s).");
    List<SlackMessage> polls = harness.awaitMessages(CHANNEL, 3);
    SlackMessage first = polls.get(0);
    assertThat(first.blockTypes()).containsExactly("section", "actions");
    assertThat(first.actionIds()).containsExactly("vote:0", "vote:1", "withdraw");
    assertThat(buttonLabels(first)).containsExactly("Eens", "Oneens", "Withdraw vote");
    assertThat(first.text())
        .isEqualTo("Thesis 68.1: Bedrijven die niet aan personalisatie doen, missen de boot");
    assertThat(blockText(first)).startsWith("*Thesis 68.1*\nBedrijven die niet");

    assertThat(harness.answer(harness.click(first, "U0ANNA", 0)))
        .isEqualTo(
            "Your vote counts: Eens (thesis 68.1). You can change it until the poll closes.");
    assertThat(harness.answer(harness.click(first, "U0ANNA", 1)))
        .startsWith("Your vote changed from Eens to Oneens (thesis 68.1).");
    assertThat(harness.answer(harness.click(first, "U0ANNA", 1)))
        .isEqualTo("Your vote for Oneens was already counted (thesis 68.1); nothing changed.");
    assertThat(harness.answer(harness.click(first, "U0BERT", 0))).startsWith("Your vote counts");
    assertThat(harness.answer(harness.withdraw(first, "U0DAAN")))
        .isEqualTo("You had not voted on thesis 68.1; nothing changed.");
    assertThat(harness.answer(harness.click(first, "U0DAAN", 1))).startsWith("Your vote counts");
    assertThat(harness.answer(harness.withdraw(first, "U0DAAN")))
        .isEqualTo("Your vote for Oneens was withdrawn (thesis 68.1).");
    assertThat(harness.pollcast.service().results(68).theses().get(0).voters()).isEqualTo(2);
    JsonNode lateClick =
        harness
            .slack
            .payloads()
            .blockAction(
                "U0CEES", CHANNEL, first.ts(), "vote:0", SlackHarness.buttonValue(first, "vote:0"));

    assertThat(harness.answer(harness.poll(CHANNEL, "U0ANNA", "close 68")))
        .isEqualTo("Only hosts may do that.");
    assertThat(harness.answer(harness.poll(CHANNEL, "U0ANNA", "tally 68")))
        .startsWith("Only moderators and hosts may view the tally.");
    String tally = harness.answer(harness.poll(CHANNEL, MODERATOR, "tally 68"));
    assertThat(tally).startsWith("*Tally of episode 68: Personalisatie, profiling en privacy*");
    assertThat(tally).contains("2 vote(s)").doesNotContain("**");
    assertThat(harness.slack.workspace().messages(CHANNEL)).hasSize(3);

    Delivery close = harness.poll(CHANNEL, HOST, "close 68");

    assertThat(harness.answer(close))
        .isEqualTo("Episode 68 is closed (3 poll(s)); the results have been announced.");
    List<SlackMessage> all = harness.slack.workspace().messages(CHANNEL);
    assertThat(all).hasSize(4);
    for (SlackMessage poll : all.subList(0, 3)) {
      assertThat(poll.revision()).isEqualTo(2);
      assertThat(poll.actionIds()).isEmpty();
      assertThat(poll.blockTypes()).containsExactly("section", "section", "context");
    }
    assertThat(blockText(all.get(0)))
        .contains("*Eens*: 1 vote(s)\n*Oneens*: 1 vote(s)")
        .contains("Closed · 2 vote(s)");
    assertThat(harness.slack.calls().of("chat.update")).hasSize(3);
    SlackMessage announcement = all.get(3);
    assertThat(announcement.text())
        .isEqualTo("Results of episode 68: Personalisatie, profiling en privacy");
    assertThat(blockText(announcement))
        .startsWith("*Results of episode 68: Personalisatie, profiling en privacy*")
        .contains("*Thesis 68.1*: Bedrijven die niet aan personalisatie doen, missen de boot");
    assertThat(harness.slack.workspace().files())
        .singleElement()
        .satisfies(
            chart -> {
              assertThat(chart.filename()).isEqualTo("pollcast-68.png");
              assertThat(chart.completed()).isTrue();
              assertThat(chart.bytes()).startsWith(0x89, 'P', 'N', 'G');
            });

    Delivery late = harness.slack.deliver("interactive", lateClick, false);

    assertThat(harness.answer(late)).isEqualTo("This poll is closed; your vote was not counted.");
    ThesisResult thesis = harness.results(68).theses().get(0);
    assertThat(thesis.options()).extracting(OptionResult::votes).containsExactly(1, 1);
  }

  @Test
  @DisplayName("Slack's retries of a command and a click post nothing twice and count once")
  void retriedDeliveriesArePostedAndCountedOnce() {
    Delivery start = harness.poll(CHANNEL, HOST, "start 68");
    start.awaitAck();
    Delivery startAgain = start.redeliver("timeout");
    SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
    Delivery click = harness.click(poll, "U0ANNA", 0);
    click.awaitAck();
    Delivery clickAgain = click.redeliver("timeout");

    startAgain.awaitAck();
    clickAgain.awaitAck();
    harness.stopBot();

    assertThat(start.acks()).hasSize(2);
    assertThat(click.acks()).hasSize(2);
    assertThat(harness.slack.workspace().messages(CHANNEL)).hasSize(3);
    assertThat(harness.slack.calls().of("chat.postMessage")).hasSize(3);
    assertThat(harness.slack.workspace().responsePosts(start.responseUrl().orElseThrow()))
        .hasSize(1);
    assertThat(harness.slack.workspace().responsePosts(click.responseUrl().orElseThrow()))
        .hasSize(1);
    assertThat(harness.results(68).theses().get(0).voters()).isEqualTo(1);
  }

  @Test
  @DisplayName("a forged or stale button gets a clear private answer and changes nothing")
  void forgedButtonsChangeNothing() {
    harness.poll(CHANNEL, HOST, "start 68").awaitAck();
    harness.poll("C0ELSEWHERE", HOST, "start 68").awaitAck();
    SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
    SlackMessage elsewhere = harness.awaitMessages("C0ELSEWHERE", 3).get(0);
    String otherChannelsPoll = SlackHarness.buttonValue(elsewhere, "vote:0");
    String value = SlackHarness.buttonValue(poll, "vote:0");
    String pollId = value.substring("poll:".length(), value.lastIndexOf(':'));

    List<String> forged =
        List.of(
            "poll:999999:0",
            "poll:" + pollId + ":1",
            "poll:" + pollId,
            "68:agree",
            "poll:" + pollId + ":0:extra",
            otherChannelsPoll);

    for (String each : forged) {
      Delivery click = harness.slack.clickButton("U0MALLORY", CHANNEL, poll.ts(), "vote:0", each);
      assertThat(harness.answer(click))
          .as(each)
          .isEqualTo("This poll does not exist (any more); nothing changed.");
    }
    assertThat(harness.results(68).theses()).allSatisfy(t -> assertThat(t.voters()).isZero());
  }

  @Test
  void unknownVerbsGetTheCoresRefusal() {
    assertThat(harness.answer(harness.poll(CHANNEL, HOST, "frobnicate 68")))
        .isEqualTo("Unknown command \"/poll frobnicate\". Type /help to see what you can do.");
    assertThat(harness.answer(harness.poll(CHANNEL, HOST, "start sixty-eight")))
        .isEqualTo("\"sixty-eight\" is not an episode number.");
    assertThat(harness.answer(harness.poll(CHANNEL, "U0ANNA", "episodes")))
        .isEqualTo(
            "Episode 68: Personalisatie, profiling en privacy (3 thes(is/es), 0 open, 0 closed)");
  }

  @Test
  @DisplayName("/poll import opens a modal for hosts; its submission imports the show notes")
  void importThroughAModal() {
    Delivery refused = harness.poll(CHANNEL, "U0ANNA", "import");
    assertThat(harness.answer(refused)).isEqualTo("Only hosts may do that.");
    Delivery command = harness.poll(CHANNEL, HOST, "import");
    command.awaitAck();
    String triggerId = command.payload().path("trigger_id").asText();
    Workspace.OpenedView modal =
        Await.value(
            () ->
                harness.slack.workspace().views().stream()
                    .filter(v -> v.triggerId().equals(triggerId))
                    .findFirst(),
            () -> "the import modal");
    assertThat(modal.callbackId()).isEqualTo(PollCommands.IMPORT_CALLBACK);
    assertThat(harness.slack.workspace().views()).hasSize(1);

    String notes = "71\n\nOpen source\n\nStelling 1: Alles moet open source zijn\n\nWaarom niet?\n";
    harness
        .slack
        .viewSubmission(HOST, modal.id(), Map.of("notes", Map.of("text", notes)))
        .awaitAck();

    assertThat(harness.privateAnswer(command.responseUrl().orElseThrow()).path("text").asText())
        .isEqualTo("Imported episode 71 \"Open source\" with 1 thes(is/es).");
    assertThat(harness.pollcast.service().episodes()).hasSize(2);
  }

  @Test
  @DisplayName("mentions in show notes never ping: <!channel>, <!here> and <@U…> are escaped")
  void mentionsAreNeutralised() {
    harness.importEpisode(
        """
        72

        Ping <!channel> & co

        Stelling 1: <!here> wint altijd van <@U0BOSS>

        Lees <https://example.com|dit> & <!subteam^S0ALL>.
        """);

    harness.poll(CHANNEL, HOST, "start 72").awaitAck();

    SlackMessage poll = harness.awaitMessages(CHANNEL, 1).get(0);
    String all = poll.text() + blockText(poll);
    assertThat(all).doesNotContain("<!").doesNotContain("<@").doesNotContain("<https");
    assertThat(poll.text()).isEqualTo("Thesis 72.1: &lt;!here&gt; wint altijd van &lt;@U0BOSS&gt;");
    assertThat(blockText(poll))
        .contains("Lees &lt;https://example.com|dit&gt; &amp; &lt;!subteam^S0ALL&gt;.");
  }

  @Test
  @DisplayName("over-long texts are shortened within Block Kit's limits")
  void longTextsFitBlockKit() {
    String word = "personalisatie ";
    String thesis = word.repeat(1000 / word.length()).strip();
    String context = "Context & <meer> ".repeat(19_000 / 17).strip();
    String option = "O".repeat(39);
    harness.importEpisode(
        "73\n\n"
            + "T".repeat(200)
            + "\n\nOpties: "
            + String.join(
                " / ",
                List.of(option + "1", option + "2", option + "3", option + "4", option + "5"))
            + "\n\nStelling 1: "
            + thesis
            + "\n\n"
            + context
            + "\n");

    harness.poll(CHANNEL, HOST, "start 73").awaitAck();
    SlackMessage poll = harness.awaitMessages(CHANNEL, 1).get(0);
    harness.answer(harness.click(poll, "U0ANNA", 4));
    harness.answer(harness.poll(CHANNEL, HOST, "close 73"));

    ApiCall post = harness.slack.calls().of("chat.postMessage").get(0);
    assertThat(post.error()).isEmpty();
    String section = poll.blocks().get(0).path("text").path("text").asText();
    assertThat(section).hasSizeLessThanOrEqualTo(PollBlocks.MAX_SECTION_TEXT).endsWith("…");
    assertThat(section).contains(thesis).contains("Context &amp; &lt;meer&gt;");
    assertThat(buttonLabels(poll).subList(0, 5)).allSatisfy(l -> assertThat(l).hasSize(40));
    assertThat(buttonLabels(poll)).hasSize(6).last().isEqualTo("Withdraw vote");
    List<SlackMessage> messages = harness.slack.workspace().messages(CHANNEL);
    assertThat(messages).hasSize(2);
    assertThat(harness.current(poll).actionIds()).isEmpty();
    assertThat(harness.slack.calls().of("chat.update")).hasSize(1);
    assertThat(blockText(messages.get(1))).contains(option + "5");
    assertThat(harness.slack.calls().failed()).isEmpty();
    assertThat(Optional.of(harness.results(73).theses().get(0).voters())).contains(1);
  }

  @Test
  @DisplayName("re-importing fixed notes edits the posted polls; changing voted options is refused")
  void reimportEditsPostedPolls() {
    String notes = "74\nFixes\n\nStelling 1: Podcats zijn radio\n\nStelling 2: Radio is dood\n";
    harness.importEpisode(notes);
    harness.poll(CHANNEL, HOST, "start 74").awaitAck();
    List<SlackMessage> polls = harness.awaitMessages(CHANNEL, 2);
    harness.answer(harness.click(polls.get(0), "U0ANNA", 0));

    ImportReport fixed = harness.importEpisode(notes.replace("Podcats", "Podcasts"));

    assertThat(fixed.edited()).extracting(PollInfo::thesis).containsExactly(1);
    assertThat(fixed.notEdited()).isEmpty();
    assertThat(harness.slack.calls().of("chat.update")).hasSize(1);
    SlackMessage edited = harness.current(polls.get(0));
    assertThat(edited.text()).isEqualTo("Thesis 74.1: Podcasts zijn radio");
    assertThat(edited.actionIds()).containsExactly("vote:0", "vote:1", "withdraw");
    assertThat(harness.current(polls.get(1)).text()).isEqualTo("Thesis 74.2: Radio is dood");

    assertThatThrownBy(
            () ->
                harness.importEpisode(notes.replace("Radio is", "Tv is") + "\nOpties: Ja / Nee\n"))
        .isInstanceOf(RefusedException.class)
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo("import.options-voted");
    assertThat(harness.slack.calls().of("chat.update")).hasSize(1);
    assertThat(harness.pollcast.service().theses(74).get(1).text()).isEqualTo("Radio is dood");
  }
}
