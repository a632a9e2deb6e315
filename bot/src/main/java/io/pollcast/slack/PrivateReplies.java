package io.pollcast.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.util.Responder;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
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
