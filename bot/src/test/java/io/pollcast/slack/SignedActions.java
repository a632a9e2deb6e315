package io.pollcast.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.slack.fake.HttpModeRequests;
import io.pollcast.slack.fake.SignedRequest;
import io.pollcast.slack.fake.SlackMessage;
import java.util.Map;

/**
 * What users do in one channel, as the signed HTTP-mode requests Slack would send the bot of a
 * {@link SlackHarness}, each with the response URL its answer goes to.
 */
final class SignedActions {
  private final SlackHarness harness;
  private final String channel;
  private final HttpModeRequests requests;

  SignedActions(SlackHarness harness, String channel) {
    this.harness = harness;
    this.channel = channel;
    this.requests = new HttpModeRequests(harness.slack, SlackHarness.SIGNING_SECRET);
  }

  /** {@code user} types {@code /poll text}. */
  Signed command(String user, String text) {
    Map<String, String> fields =
        harness.slack.payloads().slashCommand(channel, user, "/poll", text);
    return new Signed(requests.form(fields), fields.get("response_url"));
  }

  /** {@code user} clicks the button of {@code option} (from 0) on a poll message. */
  Signed click(SlackMessage poll, String user, int option) {
    JsonNode payload = clickPayload(poll, user, option);
    return new Signed(requests.interaction(payload), payload.path("response_url").asText());
  }

  /** The payload of {@code user}'s click on the button of {@code option}. */
  JsonNode clickPayload(SlackMessage poll, String user, int option) {
    String actionId = "vote:" + option;
    return harness
        .slack
        .payloads()
        .blockAction(
            user, poll.channel(), poll.ts(), actionId, SlackHarness.buttonValue(poll, actionId));
  }

  /** Any form, signed with the bot's secret. */
  SignedRequest form(Map<String, String> fields) {
    return requests.form(fields);
  }

  /** A signed request and the response URL in its payload. */
  record Signed(SignedRequest request, String responseUrl) {}
}
