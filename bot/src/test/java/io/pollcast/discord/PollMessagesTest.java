package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

final class PollMessagesTest {
  private static final TextRenderer TEXTS =
      new TextRenderer(new Messages(Language.EN), ZoneId.of("Europe/Amsterdam"));
  private static final Place PLACE = new Place(Platform.DISCORD, "123");
  private static final String WORDS = "Personalisation costs privacy, @everyone knows <@&42> it. ";

  private final PollMessages polls = new PollMessages(TEXTS);
  private final ResultsMessages results = new ResultsMessages(TEXTS);

  @Test
  void aPollIsAnEmbedWithTheThesisItsContextAndOneButtonPerOption() {
    PollView poll =
        view(
            "Companies that don't personalise miss the boat",
            "The hosts discuss it.",
            List.of("Agree", "Disagree"),
            Optional.empty(),
            true);

    MessageCreateData message = polls.create(poll);

    MessageEmbed embed = message.getEmbeds().get(0);
    assertThat(embed.getAuthor().getName()).isEqualTo("Thesis 68.1");
    assertThat(embed.getTitle()).isEqualTo("Companies that don't personalise miss the boat");
    assertThat(embed.getDescription()).isEqualTo("The hosts discuss it.");
    assertThat(embed.getFields()).isEmpty();
    assertThat(buttons(message.getComponents()))
        .extracting(Button::getLabel, Button::getCustomId, Button::isDisabled)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Agree", "poll:7:0", false),
            org.assertj.core.groups.Tuple.tuple("Disagree", "poll:7:1", false),
            org.assertj.core.groups.Tuple.tuple("Withdraw vote", "unvote:7", false));
    assertThat(message.getAllowedMentions()).isEmpty();
  }

  @Test
  void overLongTextsAreShortenedToDiscordsLimits() {
    String thesis = WORDS.repeat(20); // ~1200 characters, the title holds 256
    String context = WORDS.repeat(120); // ~7000 characters, the description holds 4096
    List<String> labels =
        IntStream.range(0, 5).mapToObj(i -> i + " " + WORDS.repeat(3)).toList(); // ~180 each
    PollView poll = view(thesis, context, labels, Optional.of(List.of(1, 2, 3, 4, 5)), true);

    MessageCreateData message = polls.create(poll);

    MessageEmbed embed = message.getEmbeds().get(0);
    assertThat(embed.getTitle()).hasSizeLessThanOrEqualTo(256).endsWith("…");
    assertThat(thesis).startsWith(embed.getTitle().substring(0, embed.getTitle().length() - 1));
    assertThat(embed.getDescription()).hasSizeLessThanOrEqualTo(4096).contains("…");
    assertThat(embed.getLength()).isLessThanOrEqualTo(6000);
    assertThat(embed.getFields()).hasSize(5);
    assertThat(message.getComponents()).hasSize(2); // rows of five: five options, then withdraw
    assertThat(buttons(message.getComponents()))
        .hasSize(6)
        .filteredOn(button -> button.getCustomId().startsWith("poll:"))
        .hasSize(5)
        .allSatisfy(
            button -> {
              assertThat(button.getLabel()).hasSizeLessThanOrEqualTo(80).endsWith("…");
              assertThat(button.getLabel()).doesNotEndWith(" …");
            });
    assertThat(message.getAllowedMentions()).isEmpty();
  }

  @Test
  void theClosingTimeIsShownInEveryReadersOwnTimeZone() {
    Instant closes = Instant.parse("2026-12-01T19:00:00Z");
    PollView poll = view("Thesis", "", List.of("Yes", "No"), Optional.empty(), true, closes);

    MessageEmbed embed = polls.create(poll).getEmbeds().get(0);

    long epoch = closes.getEpochSecond();
    assertThat(embed.getDescription())
        .isEqualTo("Closes at <t:" + epoch + ":f> (<t:" + epoch + ":R>)");
  }

  @Test
  void aClosedPollHasItsCountsAndDisabledButtons() {
    PollView poll =
        view(
            "Thesis",
            "Context",
            List.of("Yes", "No", "Maybe"),
            Optional.of(List.of(2, 1, 0)),
            false);

    MessageEditData edit = polls.edit(poll);

    MessageEmbed embed = edit.getEmbeds().get(0);
    assertThat(embed.getAuthor().getName()).isEqualTo("Thesis 68.1 · Closed");
    assertThat(embed.getFields())
        .extracting(MessageEmbed.Field::getName, MessageEmbed.Field::getValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Yes", "2 · 67%"),
            org.assertj.core.groups.Tuple.tuple("No", "1 · 33%"),
            org.assertj.core.groups.Tuple.tuple("Maybe", "0 · 0%"));
    assertThat(embed.getFooter().getText()).isEqualTo("3 vote(s)");
    assertThat(buttons(edit.getComponents())).allMatch(Button::isDisabled).hasSize(4);
    assertThat(edit.getAllowedMentions()).isEmpty();
  }

  @Test
  void theAnnouncementHasASummaryAndAnEmbedPerThesis() {
    EpisodeResults episode =
        new EpisodeResults(
            68,
            "Personalisation",
            List.of(thesis(1, "First", 3, 1), thesis(2, "Second", 0, 2), thesis(3, "Third", 1, 1)));

    List<MessageCreateData> messages = results.announcement(episode);

    assertThat(messages).hasSize(1);
    List<MessageEmbed> embeds = messages.get(0).getEmbeds();
    assertThat(embeds).hasSize(4);
    assertThat(embeds.get(0).getTitle()).isEqualTo("Results of episode 68: Personalisation");
    assertThat(embeds.get(0).getDescription()).startsWith("Overall: 8 vote(s) on 3 thes(is/es).");
    assertThat(embeds.get(1).getDescription())
        .startsWith("**Thesis 68.1**: First")
        .contains("75%` 3", "25%` 1", "4 vote(s)");
    assertThat(messages.get(0).getAllowedMentions()).isEmpty();
  }

  @Test
  void aLongAnnouncementIsSplitIntoMessagesWithinDiscordsLimits() {
    List<ThesisResult> theses =
        IntStream.rangeClosed(1, 14).mapToObj(n -> thesis(n, WORDS.repeat(16), n, 1)).toList();

    List<MessageCreateData> messages = results.announcement(new EpisodeResults(68, "Long", theses));

    assertThat(messages).hasSizeGreaterThan(1);
    assertThat(messages.stream().mapToInt(m -> m.getEmbeds().size()).sum()).isEqualTo(15);
    assertThat(messages)
        .allSatisfy(
            message -> {
              assertThat(message.getEmbeds()).hasSizeLessThanOrEqualTo(10);
              assertThat(message.getEmbeds().stream().mapToInt(MessageEmbed::getLength).sum())
                  .isLessThanOrEqualTo(6000);
            });
  }

  private static ThesisResult thesis(int number, String text, int yes, int no) {
    int total = yes + no;
    int yesPercent = total == 0 ? 0 : Math.round(100f * yes / total);
    return new ThesisResult(
        number,
        text,
        false,
        List.of(
            new OptionResult("Agree", yes, yesPercent),
            new OptionResult("Disagree", no, total == 0 ? 0 : 100 - yesPercent)),
        Map.of(Platform.DISCORD, List.of(yes, no)));
  }

  @Test
  void turnoutShowsHowManyVotedNotHow() {
    PollView open = view("Thesis", "", List.of("Eens", "Oneens"), Optional.empty(), true);
    PollView poll =
        new PollView(
            open.info(), "Thesis", "", Optional.empty(), true, Optional.empty(), Optional.of(4));

    MessageEmbed embed = polls.embed(poll);

    assertThat(embed.getFields()).isEmpty();
    assertThat(embed.getFooter()).isNotNull();
    assertThat(embed.getFooter().getText()).isEqualTo("4 vote(s)");
  }

  private static PollView view(
      String text,
      String context,
      List<String> options,
      Optional<List<Integer>> counts,
      boolean open) {
    return new PollView(
        new PollInfo(7, 68, 1, PLACE, options), text, context, Optional.empty(), open, counts);
  }

  private static PollView view(
      String text,
      String context,
      List<String> options,
      Optional<List<Integer>> counts,
      boolean open,
      Instant closes) {
    return new PollView(
        new PollInfo(7, 68, 1, PLACE, options), text, context, Optional.of(closes), open, counts);
  }

  private static List<Button> buttons(
      List<net.dv8tion.jda.api.components.MessageTopLevelComponentUnion> rows) {
    return rows.stream().flatMap(row -> row.asActionRow().getButtons().stream()).toList();
  }
}
