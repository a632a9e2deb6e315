package io.pollcast.discord;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.poll.Announcement;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollView;
import io.pollcast.poll.Reminder;
import io.pollcast.text.LifecycleTexts;
import io.pollcast.text.TextRenderer;
import java.util.List;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts polls, their updates and the results in Discord channels. A {@link Place}'s channel is the
 * id of a guild text channel (or thread).
 *
 * <p>Threading: every method blocks until Discord accepted the request, honouring its rate limits,
 * so call it from the bot's own threads, never from JDA's. That also gives live counts back
 * pressure: the next refresh waits for the previous edit.
 */
public final class DiscordPublisher implements PollPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordPublisher.class);
  private final IGuildChannelContainer<Channel> channels;
  private final PollMessages polls;
  private final ResultsMessages results;
  private final LifecycleTexts lifecycle;

  /** Posts in the channels of {@code channels}: one JDA, or every shard of a shard manager. */
  public DiscordPublisher(IGuildChannelContainer<Channel> channels, TextRenderer texts) {
    this.channels = channels;
    this.polls = new PollMessages(texts);
    this.results = new ResultsMessages(texts);
    this.lifecycle = new LifecycleTexts(texts);
  }

  @Override
  public String post(Place place, PollView poll) {
    return channel(place).sendMessage(polls.create(poll)).complete().getId();
  }

  /**
   * Disables the buttons and shows the final counts. A message Discord refuses to edit (deleted, or
   * edited too often since it is old) is only logged: the poll is closed all the same. A server
   * error, or no answer at all, is thrown: the announcement outbox then makes the edit again later.
   */
  @Override
  public void showClosed(String messageId, PollView poll) {
    try {
      channel(poll.info().place()).editMessageById(messageId, polls.edit(poll)).complete();
    } catch (ErrorResponseException e) {
      if (e.isServerError()) {
        throw e;
      }
      logRefused(poll, e);
    }
  }

  @Override
  public void announce(Place place, EpisodeResults results) {
    GuildMessageChannel channel = channel(place);
    for (MessageCreateData message : this.results.announcement(results)) {
      channel.sendMessage(message).complete();
    }
  }

  /**
   * Posts the announcement with its chart attached to the first message and, after a reopen, a line
   * saying the results were updated. Discord offers no way to refuse a repeated post here, so a
   * redelivery after a crash at the wrong moment can post twice.
   */
  @Override
  public void announce(Place place, Announcement announcement) {
    GuildMessageChannel channel = channel(place);
    List<MessageCreateData> messages = this.results.announcement(announcement);
    for (int i = 0; i < messages.size(); i++) {
      MessageCreateAction action = channel.sendMessage(messages.get(i));
      if (i == 0) {
        action =
            action.addFiles(
                FileUpload.fromData(
                    announcement.chart().png(), ResultsMessages.chartFileName(announcement)));
      }
      action.complete();
    }
  }

  /** Posts the reminder that the polls close soon; mentions never ping. */
  @Override
  public void remind(Place place, Reminder reminder) {
    channel(place)
        .sendMessage(
            new MessageCreateBuilder()
                .setContent(DiscordText.fit(lifecycle.reminder(reminder), DiscordText.MESSAGE))
                .setAllowedMentions(Replies.NO_MENTIONS)
                .build())
        .complete();
  }

  /** Posts a notice of the bot's own; mentions never ping. */
  @Override
  public void tell(Place place, String text) {
    channel(place)
        .sendMessage(
            new MessageCreateBuilder()
                .setContent(DiscordText.fit(text, DiscordText.MESSAGE))
                .setAllowedMentions(Replies.NO_MENTIONS)
                .build())
        .complete();
  }

  /** Enables the buttons again: the poll takes votes. */
  @Override
  public void showReopened(String messageId, PollView poll) {
    edit(messageId, poll);
  }

  /** Shows the corrected thesis and context; a refused edit is thrown, so the host hears of it. */
  @Override
  public void showEdited(String messageId, PollView poll) {
    channel(poll.info().place()).editMessageById(messageId, polls.edit(poll)).complete();
  }

  @Override
  public void showCounts(String messageId, PollView poll) {
    edit(messageId, poll);
  }

  private void edit(String messageId, PollView poll) {
    try {
      channel(poll.info().place()).editMessageById(messageId, polls.edit(poll)).complete();
    } catch (ErrorResponseException e) {
      logRefused(poll, e);
    }
  }

  private static void logRefused(PollView poll, ErrorResponseException e) {
    LOG.warn(
        "Could not update the message of poll {}: {} ({})",
        poll.info().pollId(),
        e.getMeaning(),
        e.getErrorCode());
  }

  private GuildMessageChannel channel(Place place) {
    if (place.platform() != Platform.DISCORD) {
      throw new IllegalArgumentException("Not a Discord place: " + place);
    }
    GuildMessageChannel channel =
        channels.getChannelById(GuildMessageChannel.class, place.channel());
    if (channel == null) {
      throw new IllegalStateException("Pollcast cannot see Discord channel " + place.channel());
    }
    return channel;
  }
}
