package io.pollcast.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Private (ephemeral) answers to interactions. A text longer than a message can hold is sent as a
 * reply and follow-ups, split between paragraphs; no answer ever pings anyone. Every request is
 * queued, never awaited, so these may be called from any thread, JDA's included.
 */
final class Replies {
  /** What mentions may ping: nothing, whatever the text says. */
  static final Set<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

  private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

  private Replies() {}

  /** Answers at once, privately. */
  static void reply(IReplyCallback interaction, String text) {
    List<String> pieces = DiscordText.split(text, DiscordText.MESSAGE);
    RestAction<?> first = interaction.reply(create(pieces.get(0))).setEphemeral(true);
    followUps(first, interaction.getHook(), pieces)
        .queue(null, failure("reply to", interaction.getHook()));
  }

  /**
   * Answers at once, privately, with one button under the text (which must fit in one message): the
   * vote's "Why?".
   */
  static void reply(IReplyCallback interaction, String text, Button button) {
    interaction
        .reply(
            new MessageCreateBuilder()
                .setContent(text)
                .setAllowedMentions(NO_MENTIONS)
                .setComponents(ActionRow.of(button))
                .build())
        .setEphemeral(true)
        .queue(null, failure("reply to", interaction.getHook()));
  }

  /** Answers a deferred interaction with one button under the text, as {@link #reply}. */
  static void editDeferred(InteractionHook hook, String text, Button button) {
    hook.editOriginal(
            new MessageEditBuilder()
                .setContent(text)
                .setAllowedMentions(NO_MENTIONS)
                .setComponents(ActionRow.of(button))
                .build())
        .queue(null, failure("answer", hook));
  }

  /** Acknowledges now and answers later with {@link #editDeferred}: for slow work. */
  static void defer(IReplyCallback interaction) {
    interaction.deferReply(true).queue(null, failure("defer the answer to", interaction.getHook()));
  }

  /** Answers an interaction that was deferred with {@link #defer}. */
  static void editDeferred(InteractionHook hook, String text) {
    List<String> pieces = DiscordText.split(text, DiscordText.MESSAGE);
    followUps(hook.editOriginal(edit(pieces.get(0))), hook, pieces)
        .queue(null, failure("answer", hook));
  }

  /** A message with this content, pinging nobody. */
  static MessageCreateData create(String content) {
    return new MessageCreateBuilder()
        .setContent(content)
        .setAllowedMentions(NO_MENTIONS)
        .mentionRepliedUser(false)
        .build();
  }

  private static MessageEditData edit(String content) {
    return new MessageEditBuilder().setContent(content).setAllowedMentions(NO_MENTIONS).build();
  }

  /** Sends the pieces after the first as private follow-ups, in order, after {@code first}. */
  private static RestAction<?> followUps(
      RestAction<?> first, InteractionHook hook, List<String> pieces) {
    RestAction<?> chain = first;
    for (String piece : pieces.subList(1, pieces.size())) {
      chain = chain.flatMap(previous -> hook.sendMessage(create(piece)).setEphemeral(true));
    }
    return chain;
  }

  private static Consumer<Throwable> failure(String what, InteractionHook hook) {
    return error ->
        LOG.warn(
            "Could not {} interaction {}: {}",
            what,
            hook.getInteraction().getId(),
            error.toString());
  }
}
