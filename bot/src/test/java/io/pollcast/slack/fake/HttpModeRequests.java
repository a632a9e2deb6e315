package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the signed HTTP requests Slack sends a bot in HTTP mode (instead of Socket Mode): slash
 * commands as form bodies, interactions as {@code payload=<JSON>}. The payloads are the fake's
 * ({@link InteractionPayloads}), so response URLs and trigger ids point back at the fake, and
 * clicks must hit buttons the bot really posted.
 */
public final class HttpModeRequests {
  private final InteractionPayloads payloads;
  private final String signingSecret;
  private final Clock clock;

  /** Requests signed with {@code signingSecret} at the current time. */
  public HttpModeRequests(FakeSlack slack, String signingSecret) {
    this(slack, signingSecret, Clock.systemUTC());
  }

  /** Requests signed with {@code signingSecret} at {@code clock}'s time. */
  public HttpModeRequests(FakeSlack slack, String signingSecret, Clock clock) {
    this.payloads = slack.payloads();
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  /** {@code userId} runs {@code command} with {@code text} in {@link FakeSlack#DEFAULT_CHANNEL}. */
  public SignedRequest slashCommand(String userId, String command, String text) {
    return slashCommand(FakeSlack.DEFAULT_CHANNEL, userId, command, text);
  }

  /** {@code userId} runs {@code command} with {@code text} in {@code channel}. */
  public SignedRequest slashCommand(String channel, String userId, String command, String text) {
    return form(payloads.slashCommand(channel, userId, command, text));
  }

  /** {@code userId} clicks the button {@code actionId} of the stored message {@code messageTs}. */
  public SignedRequest clickButton(
      String userId, String channel, String messageTs, String actionId, String value) {
    return interaction(payloads.blockAction(userId, channel, messageTs, actionId, value));
  }

  /** {@code userId} submits the opened modal {@code viewId} with plain-text inputs. */
  public SignedRequest viewSubmission(
      String userId, String viewId, Map<String, Map<String, String>> textInputs) {
    return interaction(
        payloads.viewSubmission(userId, viewId, InteractionPayloads.textInputs(textInputs)));
  }

  /** Any interaction payload, sent as Slack does: the form field {@code payload}. */
  public SignedRequest interaction(JsonNode payload) {
    return form(Map.of("payload", Json.write(payload)));
  }

  /** Any form, URL-encoded and signed. */
  public SignedRequest form(Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
            .collect(Collectors.joining("&"));
    return SignedRequest.sign(body, signingSecret, clock.instant());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
