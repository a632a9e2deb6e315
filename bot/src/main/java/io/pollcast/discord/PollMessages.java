package io.pollcast.discord;

import io.pollcast.poll.Percentages;
import io.pollcast.poll.PollView;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.awt.Color;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders a poll as a Discord message: one embed (the thesis as title, its context as description,
 * the closing time, and the counts when they are shown) and one button per option, disabled once
 * the poll is closed. Every text is shortened to Discord's limits and nothing pings. Thread-safe.
 */
final class PollMessages {
  static final Color OPEN = new Color(0x5865F2);
  static final Color CLOSED = new Color(0x99AAB5);

  private final TextRenderer texts;
  private final Messages messages;

  PollMessages(TextRenderer texts) {
    this.texts = texts;
    this.messages = texts.messages();
  }

  /** The message that posts a poll. */
  MessageCreateData create(PollView poll) {
    return new MessageCreateBuilder()
        .setEmbeds(embed(poll))
        .setComponents(buttons(poll))
        .setAllowedMentions(Replies.NO_MENTIONS)
        .build();
  }

  /** The edit that shows a poll's current state: its counts, or that it closed. */
  MessageEditData edit(PollView poll) {
    return new MessageEditBuilder()
        .setEmbeds(embed(poll))
        .setComponents(buttons(poll))
        .setAllowedMentions(Replies.NO_MENTIONS)
        .build();
  }

  MessageEmbed embed(PollView poll) {
    String heading = texts.pollTitle(poll);
    if (!poll.open()) {
      heading += " · " + messages.get("poll.closed");
    }
    EmbedBuilder embed =
        new EmbedBuilder()
            .setAuthor(DiscordText.fit(heading, DiscordText.EMBED_TITLE))
            .setTitle(DiscordText.fit(poll.text(), DiscordText.EMBED_TITLE))
            .setColor(poll.open() ? OPEN : CLOSED);
    poll.counts().ifPresent(counts -> addCounts(embed, poll, counts));
    poll.turnout().ifPresent(voters -> embed.setFooter(messages.get("poll.votes", voters)));
    String closing =
        poll.open()
            ? poll.closesAt().map(at -> messages.get("poll.closes", discordTime(at))).orElse("")
            : "";
    String separator = poll.context().isBlank() || closing.isEmpty() ? "" : "\n\n";
    int room =
        Math.min(
            DiscordText.EMBED_DESCRIPTION,
            DiscordText.EMBEDS_TOTAL - embed.length() - separator.length() - closing.length());
    String context = poll.context().isBlank() ? "" : DiscordText.fit(poll.context().strip(), room);
    String description = context + separator + closing;
    if (!description.isEmpty()) {
      embed.setDescription(description);
    }
    return embed.build();
  }

  private void addCounts(EmbedBuilder embed, PollView poll, List<Integer> counts) {
    List<Integer> percents = Percentages.of(counts);
    List<String> options = poll.info().options();
    for (int i = 0; i < options.size() && i < counts.size(); i++) {
      embed.addField(
          DiscordText.fit(options.get(i), DiscordText.FIELD_NAME),
          counts.get(i) + " · " + percents.get(i) + "%",
          true);
    }
    int total = counts.stream().mapToInt(Integer::intValue).sum();
    embed.setFooter(messages.get("poll.votes", total));
  }

  /**
   * One button per option, then the withdraw button; rows of five, so five options take two rows
   * (the database allows at most five).
   */
  private List<ActionRow> buttons(PollView poll) {
    List<Button> buttons = new ArrayList<>();
    List<String> options = poll.info().options();
    for (int i = 0; i < options.size() && i < PollButtonId.MAX_OPTIONS; i++) {
      String id = new PollButtonId(poll.info().pollId(), i).customId();
      buttons.add(
          Button.primary(id, DiscordText.fit(options.get(i), DiscordText.BUTTON_LABEL))
              .withDisabled(!poll.open()));
    }
    buttons.add(
        Button.secondary(
                new WithdrawButtonId(poll.info().pollId()).customId(),
                DiscordText.fit(messages.get("poll.withdraw"), DiscordText.BUTTON_LABEL))
            .withDisabled(!poll.open()));
    return ActionRow.partitionOf(buttons);
  }

  /** A time every reader sees in their own time zone, e.g. "1 December 2026 20:00 (in 3 days)". */
  private static String discordTime(Instant at) {
    return TimeFormat.DATE_TIME_SHORT.format(at) + " (" + TimeFormat.RELATIVE.format(at) + ")";
  }
}
