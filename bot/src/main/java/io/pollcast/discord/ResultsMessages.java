package io.pollcast.discord;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.Announcement;
import io.pollcast.text.TextRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders the results announcement of an episode: a summary embed (the episode and the overall
 * picture) and one embed per thesis with a bar, the percentage and the votes of each option. The
 * embeds are packed into as few messages as Discord's limits allow (10 embeds and 6000 characters a
 * message), normally one. Thread-safe.
 */
final class ResultsMessages {
  private final TextRenderer texts;

  ResultsMessages(TextRenderer texts) {
    this.texts = texts;
  }

  /** The messages that announce the results, in order. */
  List<MessageCreateData> announcement(EpisodeResults results) {
    return announcement(results, Optional.empty(), Optional.empty());
  }

  /**
   * The messages of an announcement from the outbox: the summary shows the chart (attached to the
   * first message as {@link #chartFileName}), and an update after a reopen says so.
   */
  List<MessageCreateData> announcement(Announcement announcement) {
    EpisodeResults results = announcement.results();
    Optional<String> updated =
        announcement.updated()
            ? Optional.of(
                texts.messages().get("results.updated", String.valueOf(results.episode())))
            : Optional.empty();
    return announcement(results, updated, Optional.of(chartFileName(announcement)));
  }

  /** The file name of an announcement's chart. */
  static String chartFileName(Announcement announcement) {
    return "pollcast-" + announcement.results().episode() + ".png";
  }

  private List<MessageCreateData> announcement(
      EpisodeResults results, Optional<String> updated, Optional<String> chart) {
    List<MessageEmbed> embeds = new ArrayList<>();
    String title =
        texts.messages().get("results.title", String.valueOf(results.episode()), results.title());
    embeds.add(
        new EmbedBuilder()
            .setTitle(DiscordText.fit(title, DiscordText.EMBED_TITLE))
            .setDescription(DiscordText.fit(texts.overall(results), DiscordText.EMBED_DESCRIPTION))
            .setColor(PollMessages.OPEN)
            .setImage(chart.map(name -> "attachment://" + name).orElse(null))
            .build());
    for (ThesisResult thesis : results.theses()) {
      embeds.add(
          new EmbedBuilder()
              .setDescription(
                  DiscordText.fit(
                      texts.thesisBlock(results.episode(), thesis), DiscordText.EMBED_DESCRIPTION))
              .setColor(thesis.open() ? PollMessages.OPEN : PollMessages.CLOSED)
              .build());
    }
    List<MessageCreateData> messages = pack(embeds);
    if (updated.isEmpty()) {
      return messages;
    }
    List<MessageCreateData> withNote = new ArrayList<>(messages);
    withNote.set(
        0,
        MessageCreateBuilder.from(messages.get(0))
            .setContent(DiscordText.fit(updated.get(), DiscordText.MESSAGE))
            .build());
    return withNote;
  }

  private static List<MessageCreateData> pack(List<MessageEmbed> embeds) {
    List<MessageCreateData> messages = new ArrayList<>();
    List<MessageEmbed> batch = new ArrayList<>();
    int length = 0;
    for (MessageEmbed embed : embeds) {
      if (batch.size() == DiscordText.EMBEDS_PER_MESSAGE
          || length + embed.getLength() > DiscordText.EMBEDS_TOTAL) {
        messages.add(message(batch));
        batch = new ArrayList<>();
        length = 0;
      }
      batch.add(embed);
      length += embed.getLength();
    }
    messages.add(message(batch));
    return messages;
  }

  private static MessageCreateData message(List<MessageEmbed> embeds) {
    return new MessageCreateBuilder()
        .setEmbeds(embeds)
        .setAllowedMentions(Replies.NO_MENTIONS)
        .build();
  }
}
