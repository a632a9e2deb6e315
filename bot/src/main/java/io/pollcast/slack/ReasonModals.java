package io.pollcast.slack;

import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.pollcast.command.CommandHandler;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.ReasonText;
import io.pollcast.text.Messages;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The form a member's "Why?" click opens ({@code views.open}), and its submission ({@code
 * view_submission}): the reason is given, replaced or, when the field is left empty, removed, and
 * the member is answered privately at the click's {@code response_url}. Slack itself caps the field
 * at {@value ReasonText#MAX_LENGTH} characters. The modal remembers the poll, channel and where to
 * answer in its {@code private_metadata}. Submissions are acknowledged at once and stored on the
 * executor given; Slack's retries are ignored.
 */
final class ReasonModals {
  static final String CALLBACK = "pollcast_why";
  static final String BLOCK = "reason";
  static final String INPUT = "text";

  private static final Logger LOG = LoggerFactory.getLogger(ReasonModals.class);
  private static final String PLAIN_TEXT = "plain_text";
  private static final int MAX_MODAL_TEXT = 24;
  private static final int MAX_LABEL = 2000;
  private static final Pattern METADATA = Pattern.compile("(\\d{1,18})\\|([^|]*)\\|(.*)");

  private final CommandHandler handler;
  private final Messages messages;
  private final MethodsClient client;
  private final WebApi webApi;
  private final PrivateReplies replies;
  private final RecentDeliveries deliveries;
  private final Executor executor;

  ReasonModals(
      CommandHandler handler,
      Messages messages,
      MethodsClient client,
      WebApi webApi,
      PrivateReplies replies,
      RecentDeliveries deliveries,
      Executor executor) {
    this.handler = handler;
    this.messages = messages;
    this.client = client;
    this.webApi = webApi;
    this.replies = replies;
    this.deliveries = deliveries;
    this.executor = executor;
  }

  void register(App app) {
    app.viewSubmission(CALLBACK, this::submitted);
  }

  /** Opens the form for a click on "Why?"; call it off Bolt's thread. */
  void open(BlockActionPayload payload, String channel, WhyButton button) {
    String metadata = button.pollId() + "|" + channel + "|" + payload.getResponseUrl();
    View modal = form(metadata);
    webApi.call(
        "views.open", () -> client.viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(modal)));
  }

  private Response submitted(ViewSubmissionRequest request, ViewSubmissionContext context) {
    ViewSubmissionPayload payload = request.getPayload();
    Matcher metadata = METADATA.matcher(payload.getView().getPrivateMetadata());
    if (metadata.matches() && deliveries.firstTime(payload.getTriggerId())) {
      long pollId = Long.parseLong(metadata.group(1));
      Place place = new Place(Platform.SLACK, metadata.group(2));
      String responseUrl = metadata.group(3);
      Actor member =
          new Actor(
              Platform.SLACK,
              payload.getUser().getId(),
              Optional.ofNullable(payload.getUser().getUsername()).orElse(""),
              Set.of());
      String text = typed(payload.getView().getState());
      executor.execute(
          () -> {
            String reply;
            try {
              reply = handler.reason(member, place, pollId, text);
            } catch (RuntimeException e) {
              LOG.error("A Slack reason failed", e);
              reply = messages.get("error.internal");
            }
            replies.toAction(responseUrl, reply);
          });
    }
    return context.ack();
  }

  private static String typed(ViewState state) {
    return Optional.ofNullable(state)
        .map(ViewState::getValues)
        .map(values -> values.get(BLOCK))
        .map(block -> block.get(INPUT))
        .map(ViewState.Value::getValue)
        .orElse("");
  }

  private View form(String metadata) {
    var input =
        input(
            i ->
                i.blockId(BLOCK)
                    .optional(true)
                    .label(plainText(SlackText.plain(messages.get("why.label"), MAX_LABEL)))
                    .hint(plainText(SlackText.plain(messages.get("why.description"), MAX_LABEL)))
                    .element(
                        plainTextInput(
                            p ->
                                p.actionId(INPUT)
                                    .multiline(true)
                                    .maxLength(ReasonText.MAX_LENGTH))));
    return view(
        v ->
            v.type("modal")
                .callbackId(CALLBACK)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type(PLAIN_TEXT).text(modalText("why.title"))))
                .submit(viewSubmit(s -> s.type(PLAIN_TEXT).text(modalText("slack.why.submit"))))
                .close(viewClose(c -> c.type(PLAIN_TEXT).text(modalText("slack.import.cancel"))))
                .blocks(asBlocks(input)));
  }

  private String modalText(String key) {
    return SlackText.plain(messages.get(key), MAX_MODAL_TEXT);
  }
}
