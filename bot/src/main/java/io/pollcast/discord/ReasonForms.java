package io.pollcast.discord;

import io.pollcast.command.CommandHandler;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.ReasonText;
import io.pollcast.text.Messages;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Why?" button on a vote's private answer, and the form it opens: a member writes (or
 * replaces) their reason, at most {@value ReasonText#MAX_LENGTH} characters as Discord itself
 * enforces, or empties the field to remove it. The submission is stored on the executor given and
 * answered privately, pinging nobody. Handler methods are called on JDA's event thread.
 */
final class ReasonForms {
  /** The form's text field. */
  static final String FIELD = "reason";

  private static final Logger LOG = LoggerFactory.getLogger(ReasonForms.class);
  private static final int FORM_TITLE = 45;
  private static final int FORM_LABEL = 45;
  private static final int FORM_DESCRIPTION = 100;

  private final CommandHandler handler;
  private final DiscordActors actors;
  private final Messages messages;
  private final Executor executor;

  ReasonForms(CommandHandler handler, DiscordActors actors, Messages messages, Executor executor) {
    this.handler = handler;
    this.actors = actors;
    this.messages = messages;
    this.executor = executor;
  }

  /** The button that opens the form for a poll. */
  Button button(long pollId) {
    return Button.secondary(
        new WhyButtonId(pollId).customId(),
        DiscordText.fit(messages.get("why.button"), DiscordText.BUTTON_LABEL));
  }

  /** A click on "Why?": opens the form. */
  void clicked(ButtonInteractionEvent event) {
    WhyButtonId.parse(event.getComponentId())
        .ifPresentOrElse(
            id ->
                event
                    .replyModal(form(id))
                    .queue(null, e -> LOG.warn("Could not open the reason form: {}", e.toString())),
            () -> Replies.reply(event, messages.get("vote.unknown-poll")));
  }

  /** The submitted form: gives, replaces or removes the member's reason. */
  void submitted(ModalInteractionEvent event) {
    var id = WhyButtonId.parse(event.getModalId());
    if (id.isEmpty()) {
      Replies.reply(event, messages.get("vote.unknown-poll"));
      return;
    }
    Actor actor = actors.of(event);
    ModalMapping field = event.getValue(FIELD);
    String text = field == null ? "" : field.getAsString();
    Place place = new Place(Platform.DISCORD, event.getChannelId());
    Replies.defer(event);
    InteractionHook hook = event.getHook();
    executor.execute(
        () -> Replies.editDeferred(hook, handler.reason(actor, place, id.get().pollId(), text)));
  }

  private Modal form(WhyButtonId id) {
    TextInput input =
        TextInput.create(FIELD, TextInputStyle.PARAGRAPH)
            .setRequired(false)
            .setMaxLength(ReasonText.MAX_LENGTH)
            .build();
    return Modal.create(id.customId(), DiscordText.fit(messages.get("why.title"), FORM_TITLE))
        .addComponents(
            Label.of(
                DiscordText.fit(messages.get("why.label"), FORM_LABEL),
                DiscordText.fit(messages.get("why.description"), FORM_DESCRIPTION),
                input))
        .build();
  }
}
