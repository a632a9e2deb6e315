package io.pollcast.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import io.pollcast.config.Language;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.PollView;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

final class PollBlocksTest {
  private final PollBlocks blocks =
      new PollBlocks(new TextRenderer(new Messages(Language.EN), ZoneOffset.UTC));

  @Test
  void openPollHasTheThesisAndOneButtonPerOption() {
    PollView poll = poll("Remote work is here to stay", "", true, Optional.empty());

    List<LayoutBlock> message = blocks.poll(poll);

    assertThat(message).hasSize(2);
    assertThat(section(message.get(0)))
        .isEqualTo("*Thesis 68.1*\nRemote work is here to stay\n_Closes at Dec 2, 2026, 8:00 PM_");
    ActionsBlock actions = (ActionsBlock) message.get(1);
    assertThat(actions.getBlockId()).isEqualTo("poll:7");
    assertThat(actions.getElements())
        .extracting(e -> ((ButtonElement) e).getValue())
        .containsExactly("poll:7:0", "poll:7:1", "poll:7");
    assertThat(actions.getElements())
        .extracting(e -> ((ButtonElement) e).getActionId())
        .containsExactly("vote:0", "vote:1", "withdraw");
    assertThat(blocks.fallback(poll)).isEqualTo("Thesis 68.1: Remote work is here to stay");
  }

  @Test
  void turnoutShowsHowManyVotedNotHow() {
    PollView open = poll("Remote work", "", true, Optional.empty());
    PollView poll =
        new PollView(
            open.info(), open.text(), "", open.closesAt(), true, Optional.empty(), Optional.of(4));

    List<LayoutBlock> message = blocks.poll(poll);

    assertThat(((ActionsBlock) message.get(1)).getElements())
        .extracting(e -> ((ButtonElement) e).getText().getText())
        .containsExactly("Eens", "Oneens", "Withdraw vote");
    assertThat(message).hasSize(3);
    assertThat(((ContextBlock) message.get(2)).getElements())
        .extracting(e -> ((MarkdownTextObject) e).getText())
        .containsExactly("4 vote(s)");
  }

  @Test
  void liveCountsShowOnTheButtons() {
    List<LayoutBlock> message =
        blocks.poll(poll("Remote work", "", true, Optional.of(List.of(3, 1))));

    assertThat(((ActionsBlock) message.get(1)).getElements())
        .extracting(e -> ((ButtonElement) e).getText().getText())
        .containsExactly("Eens · 3", "Oneens · 1", "Withdraw vote");
    assertThat(message).hasSize(3);
  }

  @Test
  void longThesisAndContextShareOneSectionWithinItsLimit() {
    String thesis = "word ".repeat(200).strip();
    String context = "context & more ".repeat(1500).strip();

    String text = section(blocks.poll(poll(thesis, context, true, Optional.empty())).get(0));

    assertThat(text).hasSizeLessThanOrEqualTo(PollBlocks.MAX_SECTION_TEXT);
    assertThat(text)
        .contains(thesis)
        .contains("context &amp; more")
        .endsWith("_Closes at Dec 2, 2026, 8:00 PM_");
    assertThat(text).contains("…\n_Closes");
  }

  @Test
  @DisplayName("an announcement of very many theses is split over messages of at most 50 blocks")
  void hugeAnnouncementIsSplitOverMessages() {
    List<ThesisResult> theses = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      theses.add(
          new ThesisResult(
              i,
              "thesis " + i + " " + "x".repeat(900),
              false,
              List.of(new OptionResult("Eens", 3, 75), new OptionResult("Oneens", 1, 25)),
              Map.of(Platform.SLACK, List.of(3, 1))));
    }

    List<List<LayoutBlock>> messages =
        blocks.announcement(new EpisodeResults(68, "A very long episode", theses));

    assertThat(messages).hasSizeGreaterThan(1);
    assertThat(messages)
        .allSatisfy(m -> assertThat(m).hasSizeLessThanOrEqualTo(PollBlocks.MAX_BLOCKS));
    List<String> sections =
        messages.stream().flatMap(List::stream).map(PollBlocksTest::section).toList();
    assertThat(sections)
        .allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(PollBlocks.MAX_SECTION_TEXT));
    assertThat(sections.get(0)).startsWith("*Results of episode 68: A very long episode*");
    assertThat(String.join("\n", sections)).contains("*Thesis 68.300*: thesis 300");
  }

  private static PollView poll(
      String text, String context, boolean open, Optional<List<Integer>> counts) {
    PollInfo info =
        new PollInfo(7, 68, 1, new Place(Platform.SLACK, "C1"), List.of("Eens", "Oneens"));
    return new PollView(
        info, text, context, Optional.of(Instant.parse("2026-12-02T20:00:00Z")), open, counts);
  }

  private static String section(LayoutBlock block) {
    return ((SectionBlock) block).getText().getText();
  }
}
