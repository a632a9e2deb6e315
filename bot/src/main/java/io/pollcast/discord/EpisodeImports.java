package io.pollcast.discord;

import io.pollcast.command.CommandHandler;
import io.pollcast.poll.Actor;
import io.pollcast.poll.RefusedException;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /poll import}: with an attached file, downloads it (at most 1 MiB) and imports it; without
 * one, opens a form to paste the show notes into, and imports what is submitted. Only hosts get the
 * form or a download; the poll service checks again when importing. Downloads and imports run on
 * the executor given; handler methods are called on JDA's event thread.
 */
final class EpisodeImports {
  /** The id of the import form, routed by the router. */
  static final String FORM = "import";

  /** The form's text field. */
  static final String FIELD = "show-notes";

  /** The largest episode file the importer reads. */
  static final int MAX_BYTES = 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EpisodeImports.class);
  private static final int FORM_TITLE = 45;
  private static final int FORM_TEXT = 4000;

  private final CommandHandler handler;
  private final DiscordActors actors;
  private final TextRenderer texts;
  private final Messages discordTexts;
  private final Executor executor;

  EpisodeImports(
      CommandHandler handler,
      DiscordActors actors,
      TextRenderer texts,
      Messages discordTexts,
      Executor executor) {
    this.handler = handler;
    this.actors = actors;
    this.texts = texts;
    this.discordTexts = discordTexts;
    this.executor = executor;
  }

  /** {@code /poll import [file]}. */
  void command(SlashCommandInteractionEvent event) {
    Actor actor = actors.of(event);
    if (!actor.isHost()) {
      Replies.reply(event, texts.refusal(new RefusedException("refused.host")));
      return;
    }
    Message.Attachment file = event.getOption(DiscordCommands.FILE, OptionMapping::getAsAttachment);
    if (file == null) {
      event.replyModal(form()).queue(null, e -> LOG.warn("Could not open the import form: {}", e));
      return;
    }
    if (file.getSize() > MAX_BYTES) {
      Replies.reply(
          event,
          discordTexts.get("import.too-large", kilobytes(file.getSize()), kilobytes(MAX_BYTES)));
      return;
    }
    Replies.defer(event);
    InteractionHook hook = event.getHook();
    file.getProxy()
        .download()
        .thenApplyAsync(EpisodeImports::readLimited, executor)
        .thenApply(bytes -> handler.importContent(actor, bytes, file.getFileName()))
        .exceptionally(
            error -> {
              LOG.warn("Could not fetch an attached episode file: {}", error.toString());
              return discordTexts.get("import.download-failed");
            })
        .thenAccept(text -> Replies.editDeferred(hook, text));
  }

  /** The submitted import form. */
  void submitted(ModalInteractionEvent event) {
    Actor actor = actors.of(event);
    ModalMapping field = event.getValue(FIELD);
    String text = field == null ? "" : field.getAsString();
    Replies.defer(event);
    InteractionHook hook = event.getHook();
    CompletableFuture.supplyAsync(
            () ->
                handler.importContent(
                    actor,
                    text.getBytes(StandardCharsets.UTF_8),
                    discordTexts.get("import.pasted-source")),
            executor)
        .thenAccept(reply -> Replies.editDeferred(hook, reply));
  }

  private Modal form() {
    TextInput input =
        TextInput.create(FIELD, TextInputStyle.PARAGRAPH)
            .setRequiredRange(1, FORM_TEXT)
            .setPlaceholder(discordTexts.get("import.placeholder"))
            .build();
    return Modal.create(FORM, DiscordText.fit(discordTexts.get("import.title"), FORM_TITLE))
        .addComponents(
            Label.of(
                discordTexts.get("import.label"), discordTexts.get("import.description"), input))
        .build();
  }

  /** Reads at most one byte more than allowed, so the importer can refuse a file too large. */
  private static byte[] readLimited(InputStream in) {
    try (in) {
      return in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long kilobytes(long bytes) {
    return (bytes + 1023) / 1024;
  }
}
