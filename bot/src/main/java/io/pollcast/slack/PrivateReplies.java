package io.pollcast.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.Slack;
import com.slack.api.bolt.util.Responder;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a user privately through the {@code response_url} of their command or click, with {@code
 * response_type: ephemeral}: only they see it, and it works in any channel, whether or not the bot
 * is a member. Texts are the core's light markdown, sent as escaped mrkdwn. Thread-safe.
 */
final class PrivateReplies {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateReplies.class);
  private static final String EPHEMERAL = "ephemeral";
  private static final int MAX_BUTTON_TEXT = 75;
  private final Slack slack;

  PrivateReplies(Slack slack) {
    this.slack = slack;
  }

  /** Answers a slash command (or a modal opened by one). */
  void toCommand(String responseUrl, String markdown) {
    String text = SlackText.fromMarkdown(markdown, SlackText.MAX_MESSAGE_TEXT);
    send(responseUrl, r -> r.sendToCommand(c -> c.responseType(EPHEMERAL).text(text)));
  }

  /** Answers a button click without touching the message that holds the button. */
  void toAction(String responseUrl, String markdown) {
    String text = SlackText.fromMarkdown(markdown, SlackText.MAX_MESSAGE_TEXT);
    send(
        responseUrl,
        r -> r.sendToAction(a -> a.responseType(EPHEMERAL).replaceOriginal(false).text(text)));
  }

  /**
   * Answers a button click as {@link #toAction} does, with one button under the text: the vote's
   * "Why?".
   */
  void toAction(String responseUrl, String markdown, String buttonText, WhyButton button) {
    String text = SlackText.fromMarkdown(markdown, SlackText.MAX_MESSAGE_TEXT);
    List<LayoutBlock> blocks =
        List.of(
            section(s -> s.text(markdownText(text))),
            actions(
                a ->
                    a.elements(
                        List.of(
                            button(
                                b ->
                                    b.actionId(WhyButton.ACTION_ID)
                                        .value(button.value())
                                        .text(
                                            plainText(
                                                SlackText.plain(buttonText, MAX_BUTTON_TEXT))))))));
    send(
        responseUrl,
        r ->
            r.sendToAction(
                a -> a.responseType(EPHEMERAL).replaceOriginal(false).text(text).blocks(blocks)));
  }

  private void send(String responseUrl, Sending sending) {
    if (responseUrl == null || responseUrl.isEmpty()) {
      LOG.warn("Cannot answer privately: Slack sent no response URL");
      return;
    }
    try {
      WebhookResponse response = sending.send(new Responder(slack, responseUrl));
      if (response.getCode() == null || response.getCode() != 200) {
        LOG.warn("Slack refused a private answer: HTTP {}", response.getCode());
      }
    } catch (IOException e) {
      LOG.warn("Could not answer privately: {}", e.toString());
    }
  }

  @FunctionalInterface
  private interface Sending {
    WebhookResponse send(Responder responder) throws IOException;
  }
}
