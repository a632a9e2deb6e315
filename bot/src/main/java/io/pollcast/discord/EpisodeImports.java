package io.pollcast.discord;

import io.pollcast.command.CommandHandler;
import io.pollcast.domain.Actor;
import io.pollcast.domain.RefusedException;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private static final long DOWNLOAD_WAIT_SECONDS = 30;

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
    executor.execute(() -> Replies.editDeferred(hook, importFile(actor, file)));
  }

  private String importFile(Actor actor, Message.Attachment file) {
    byte[] content;
    try (InputStream in = file.getProxy().download().get(DOWNLOAD_WAIT_SECONDS, TimeUnit.SECONDS)) {
      content = in.readNBytes(MAX_BYTES + 1); // one byte more, so the importer refuses more
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return discordTexts.get("import.download-failed");
    } catch (IOException | ExecutionException | TimeoutException e) {
      LOG.warn("Could not fetch an attached episode file: {}", e.toString());
      return discordTexts.get("import.download-failed");
    }
    return handler.importContent(actor, content, file.getFileName());
  }

  /** The submitted import form. */
  void submitted(ModalInteractionEvent event) {
    Actor actor = actors.of(event);
    ModalMapping field = event.getValue(FIELD);
    String text = field == null ? "" : field.getAsString();
    Replies.defer(event);
    InteractionHook hook = event.getHook();
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    String source = discordTexts.get("import.pasted-source");
    executor.execute(
        () -> Replies.editDeferred(hook, handler.importContent(actor, content, source)));
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

  private static long kilobytes(long bytes) {
    return (bytes + 1023) / 1024;
  }
}
