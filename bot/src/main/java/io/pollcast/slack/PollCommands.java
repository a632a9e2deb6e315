package io.pollcast.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.pollcast.command.CommandHandler;
import io.pollcast.command.PollCommand;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.text.TextRenderer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slash command {@code /poll} with the verbs of every platform ({@code start 68 closes:3d},
 * {@code close 68}, {@code tally 68}, {@code episodes}), plus {@code import}, which opens a modal
 * to paste show notes into. Every command is acknowledged at once and carried out on the adapter's
 * executor by the core's {@link CommandHandler}; its reply reaches the user alone, through the
 * command's response URL. Slack's retries of a command are acknowledged and otherwise ignored.
 */
final class PollCommands {
  static final String COMMAND = "/poll";
  static final String IMPORT_CALLBACK = "pollcast_import";
  static final String IMPORT_BLOCK = "notes";
  static final String IMPORT_INPUT = "text";

  /** Slack's limit for a plain-text input. */
  private static final int MAX_INPUT = 3000;

  private static final String PLAIN_TEXT = "plain_text";

  /** Slack's limit for a modal's title and button texts. */
  private static final int MAX_MODAL_TEXT = 24;

  /** The name the pasted notes are read under: show notes, not HOCON. */
  private static final String IMPORT_SOURCE = "show-notes.txt";

  private static final Logger LOG = LoggerFactory.getLogger(PollCommands.class);

  private final CommandHandler handler;
  private final TextRenderer texts;
  private final SlackRoles roles;
  private final MethodsClient client;
  private final WebApi webApi;
  private final PrivateReplies replies;
  private final RecentDeliveries deliveries;
  private final Executor executor;

  PollCommands(
      CommandHandler handler,
      TextRenderer texts,
      SlackRoles roles,
      MethodsClient client,
      WebApi webApi,
      PrivateReplies replies,
      RecentDeliveries deliveries,
      Executor executor) {
    this.handler = handler;
    this.texts = texts;
    this.roles = roles;
    this.client = client;
    this.webApi = webApi;
    this.replies = replies;
    this.deliveries = deliveries;
    this.executor = executor;
  }

  void register(App app) {
    app.command(COMMAND, this::command);
    app.viewSubmission(IMPORT_CALLBACK, this::submitImport);
  }

  private Response command(SlashCommandRequest request, SlashCommandContext context) {
    SlashCommandPayload payload = request.getPayload();
    if (deliveries.firstTime(payload.getTriggerId())) {
      executor.execute(() -> answering(payload.getResponseUrl(), () -> run(payload)));
    }
    return context.ack();
  }

  private String run(SlashCommandPayload payload) {
    String text = Optional.ofNullable(payload.getText()).orElse("").strip();
    Actor actor = actor(payload.getUserId(), payload.getUserName());
    if (text.toLowerCase(Locale.ROOT).split("\\s+", 2)[0].equals("import")) {
      return openImport(actor, payload);
    }
    PollCommand command;
    try {
      command = handler.parser().parsePoll(text);
    } catch (RefusedException e) {
      return texts.refusal(e);
    }
    return handler.handle(actor, new Place(Platform.SLACK, payload.getChannelId()), command).join();
  }

  /** Opens the import modal for a host; it remembers where to answer once it is submitted. */
  private String openImport(Actor actor, SlashCommandPayload payload) {
    if (!actor.isHost()) {
      return texts.refusal(new RefusedException("refused.host"));
    }
    View modal = importModal(payload.getResponseUrl());
    webApi.call(
        "views.open", () -> client.viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(modal)));
    return "";
  }

  private Response submitImport(ViewSubmissionRequest request, ViewSubmissionContext context) {
    ViewSubmissionPayload payload = request.getPayload();
    String responseUrl = payload.getView().getPrivateMetadata();
    if (deliveries.firstTime(payload.getTriggerId())) {
      executor.execute(
          () ->
              answering(
                  responseUrl,
                  () ->
                      handler.importContent(
                          actor(payload.getUser().getId(), payload.getUser().getUsername()),
                          pasted(payload.getView().getState()).getBytes(StandardCharsets.UTF_8),
                          IMPORT_SOURCE)));
    }
    return context.ack();
  }

  private static String pasted(ViewState state) {
    return Optional.ofNullable(state.getValues().get(IMPORT_BLOCK))
        .map(block -> block.get(IMPORT_INPUT))
        .map(ViewState.Value::getValue)
        .orElse("");
  }

  private View importModal(String responseUrl) {
    String title = modalText("slack.import.title");
    String submit = modalText("slack.import.submit");
    String cancel = modalText("slack.import.cancel");
    var input =
        input(
            i ->
                i.blockId(IMPORT_BLOCK)
                    .label(plainText(texts.messages().get("slack.import.label")))
                    .hint(plainText(texts.messages().get("slack.import.hint")))
                    .element(
                        plainTextInput(
                            p -> p.actionId(IMPORT_INPUT).multiline(true).maxLength(MAX_INPUT))));
    return view(
        v ->
            v.type("modal")
                .callbackId(IMPORT_CALLBACK)
                .privateMetadata(responseUrl)
                .title(viewTitle(t -> t.type(PLAIN_TEXT).text(title)))
                .submit(viewSubmit(s -> s.type(PLAIN_TEXT).text(submit)))
                .close(viewClose(c -> c.type(PLAIN_TEXT).text(cancel)))
                .blocks(asBlocks(input)));
  }

  private String modalText(String key) {
    return SlackText.plain(texts.messages().get(key), MAX_MODAL_TEXT);
  }

  private Actor actor(String userId, String name) {
    return new Actor(
        Platform.SLACK, userId, Optional.ofNullable(name).orElse(""), roles.of(userId));
  }

  /** Runs a command and sends its reply, or says that something went wrong. */
  private void answering(String responseUrl, Supplier<String> command) {
    String reply;
    try {
      reply = command.get();
    } catch (RuntimeException e) {
      LOG.error("A Slack command failed", e);
      reply = texts.messages().get("error.internal");
    }
    if (!reply.isEmpty()) {
      replies.toCommand(responseUrl, reply);
    }
  }
}
