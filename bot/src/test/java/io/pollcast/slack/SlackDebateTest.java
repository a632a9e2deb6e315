package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;
import static io.pollcast.slack.SlackHarness.MODERATOR;
import static io.pollcast.slack.SlackHarness.blockText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.domain.DebateResult;
import io.pollcast.slack.fake.Delivery;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.slack.fake.Workspace;
import io.pollcast.storage.Await;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A thesis debate on Slack in Socket Mode, with the real Bolt against the fake Slack: the before
 * round, the host's switch, the after round, a host's stance and the announcement with the shift;
 * and members' reasons through the "Why?" button and its modal.
 */
final class SlackDebateTest {
  private static final String CHANNEL = "C0DEBATE";

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
  void aDebateCountsBothRoundsAndAnnouncesWhoseMindsMoved() {
    assertThat(harness.answer(harness.poll(CHANNEL, HOST, "start 68 debate debate")))
        .isEqualTo("Usage: /poll start 68 [debate] [closes:3d] [after:2d]");
    assertThat(harness.answer(harness.poll(CHANNEL, HOST, "start 68 after:2d")))
        .startsWith("after: only works for a debate");
    assertThat(harness.answer(harness.poll(CHANNEL, HOST, "start 68 debate after:2d")))
        .contains("This is a debate: votes now count in the round before listening")
        .contains("The round after opens at");
    List<SlackMessage> polls = harness.awaitMessages(CHANNEL, 3);
    SlackMessage first = polls.get(0);
    assertThat(blockText(first)).startsWith("*Thesis 68.1 · Round: before (before listening)*");

    assertThat(harness.answer(harness.click(first, "U0ANNA", 1)))
        .endsWith(
            "(thesis 68.1). You can change it until the poll closes. Round: before (before listening).");
    harness.answer(harness.click(first, "U0BERT", 1));
    harness.answer(harness.click(first, "U0CEES", 0));

    assertThat(harness.answer(harness.poll(CHANNEL, "U0ANNA", "after 68")))
        .isEqualTo("Only hosts may do that.");
    assertThat(harness.answer(harness.poll(CHANNEL, HOST, "after 68")))
        .isEqualTo(
            "Episode 68: the round before is closed and the round after is open (3 poll(s)).");
    assertThat(harness.answer(harness.poll(CHANNEL, HOST, "after 68")))
        .isEqualTo("Episode 68 has no open poll in the round before; nothing changed.");
    assertThat(blockText(harness.current(first))).contains("Round: after (after listening)");

    assertThat(harness.answer(harness.click(first, "U0ANNA", 0)))
        .startsWith("Your vote counts: Eens (thesis 68.1).")
        .endsWith("Round: after (after listening).");
    harness.answer(harness.click(first, "U0BERT", 1));
    harness.answer(harness.click(first, "U0DAAN", 0));
    assertThat(harness.answer(harness.poll(CHANNEL, HOST, "stance 68.1 oneens")))
        .isEqualTo("Your stance on thesis 68.1 is recorded: Oneens.");
    assertThat(harness.answer(harness.poll(CHANNEL, MODERATOR, "stance 68.1 Eens")))
        .isEqualTo("Only hosts may do that.");

    DebateResult debate = harness.results(68).theses().get(0).debate().orElseThrow();
    assertThat(debate.before().voters()).isEqualTo(3);
    assertThat(debate.after().voters()).isEqualTo(3);
    assertThat(debate.shift().voters()).isEqualTo(2);

    harness.answer(harness.poll(CHANNEL, HOST, "close 68"));
    SlackMessage announcement = harness.awaitMessages(CHANNEL, 4).get(3);
    assertThat(blockText(announcement))
        .contains("Before listening (3 vote(s)):", "After listening (3 vote(s)):")
        .contains("Shift among the 2 members who voted in both rounds: Eens +50, Oneens -50.")
        .contains("Eens moved the most minds (+50 points).")
        .contains("The hosts: u0host Oneens; the listeners: 67% Eens.")
        .contains("Most minds moved: thesis 68.1 (Eens +50 points).");
  }

  @Test
  void aMemberGivesAReasonThroughTheModalAndAModeratorFeaturesIt() {
    harness.poll(CHANNEL, HOST, "start 68").awaitAck();
    SlackMessage first = harness.awaitMessages(CHANNEL, 3).get(0);
    JsonNode voted = harness.privateAnswer(harness.click(first, "U0ANNA", 0));
    assertThat(voted.toString()).contains("\"action_id\":\"why\"");

    Workspace.OpenedView modal = openWhy("U0ANNA", voted);
    assertThat(modal.view().path("callback_id").asText()).isEqualTo(ReasonModals.CALLBACK);
    assertThat(modal.view().toString()).contains("\"max_length\":280");
    assertThat(submit("U0ANNA", modal, "<!channel> & <@U0BERT> omdat het werkt"))
        .isEqualTo(
            "Your reason on thesis 68.1 is stored. Moderators may quote it in the results,"
                + " without your name.");
    assertThat(submit("U0ANNA", openWhy("U0ANNA", voted), "Omdat het werkt"))
        .isEqualTo("Your reason on thesis 68.1 is replaced.");
    JsonNode bert = harness.privateAnswer(harness.click(first, "U0BERT", 1));
    submit("U0BERT", openWhy("U0BERT", bert), "Weg ermee");
    assertThat(submit("U0BERT", openWhy("U0BERT", bert), ""))
        .isEqualTo("Your reason on thesis 68.1 is removed.");
    long id = harness.pollcast.reasons().all(68, 1).get(0).id();

    assertThat(harness.answer(harness.poll(CHANNEL, "U0ANNA", "feature 68.1 R" + id)))
        .isEqualTo("Only moderators and hosts may view and choose reasons.");
    assertThat(harness.answer(harness.poll(CHANNEL, MODERATOR, "reasons 68.1")))
        .contains("R" + id, "Omdat het werkt");
    assertThat(harness.answer(harness.poll(CHANNEL, MODERATOR, "feature 68.1 R" + id)))
        .startsWith("Reason R" + id + " on thesis 68.1 is featured");
    harness.answer(harness.poll(CHANNEL, HOST, "close 68"));
    SlackMessage announcement = harness.awaitMessages(CHANNEL, 4).get(3);
    assertThat(blockText(announcement))
        .contains("Why listeners voted as they did:", "Omdat het werkt")
        .doesNotContain("U0ANNA");
  }

  /** {@code member} clicks "Why?" under their private answer; returns the modal it opened. */
  private Workspace.OpenedView openWhy(String member, JsonNode answer) {
    Delivery click = harness.slack.clickEphemeralButton(member, CHANNEL, answer, "why");
    click.awaitAck();
    String trigger = click.payload().path("trigger_id").asText();
    return Await.value(
        () ->
            harness.slack.workspace().views().stream()
                .filter(v -> v.triggerId().equals(trigger))
                .findFirst(),
        () -> "the reason modal");
  }

  /** {@code member} submits the reason modal; returns the private answer. */
  private String submit(String member, Workspace.OpenedView modal, String reason) {
    harness
        .slack
        .viewSubmission(
            member, modal.id(), Map.of(ReasonModals.BLOCK, Map.of(ReasonModals.INPUT, reason)))
        .awaitAck();
    String responseUrl = modal.view().path("private_metadata").asText().split("\\|", 3)[2];
    return harness.privateAnswer(responseUrl).path("text").asText();
  }
}
