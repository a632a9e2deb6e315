package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the payloads Slack sends a bot when a user acts: slash commands, button clicks ({@code
 * block_actions}) and modal submissions ({@code view_submission}). Socket Mode envelopes and signed
 * HTTP requests carry the same payloads, so both transports use this class.
 *
 * <p>Payloads carry the fields Bolt reads (team, user, channel, container, message, trigger id,
 * response URL) with ids the fake issued: a {@code response_url} that points back at the fake and a
 * trigger id it will accept in {@code views.open} for three seconds. Clicks and submissions are
 * checked against what the bot really posted, so a test cannot click a button that does not exist.
 */
public final class InteractionPayloads {
  /** The legacy verification token in payloads; Bolt ignores it in favour of signatures. */
  public static final String VERIFICATION_TOKEN = "fake-verification-token";

  private final Workspace workspace;
  private final String baseUrl;

  InteractionPayloads(Workspace workspace, String baseUrl) {
    this.workspace = workspace;
    this.baseUrl = baseUrl;
  }

  /**
   * The fields of a slash command invocation: form fields over HTTP, a flat JSON object in Socket
   * Mode.
   */
  public Map<String, String> slashCommand(
      String channel, String userId, String command, String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", VERIFICATION_TOKEN);
    fields.put("team_id", FakeSlack.TEAM_ID);
    fields.put("team_domain", FakeSlack.TEAM_DOMAIN);
    fields.put("channel_id", channel);
    fields.put("channel_name", channel.toLowerCase(Locale.ROOT));
    fields.put("user_id", userId);
    fields.put("user_name", userId.toLowerCase(Locale.ROOT));
    fields.put("command", command);
    fields.put("text", text);
    fields.put("api_app_id", FakeSlack.APP_ID);
    fields.put("is_enterprise_install", "false");
    fields.put("response_url", newResponseUrl());
    fields.put("trigger_id", workspace.issueTriggerId());
    return fields;
  }

  /**
   * A {@code block_actions} payload for {@code userId} clicking the element {@code actionId} of the
   * stored message {@code messageTs}.
   *
   * @param value the button's value as Slack would send it (normally the one the bot set)
   * @throws IllegalArgumentException if the fake holds no such message, or it has no such element
   */
  public ObjectNode blockAction(
      String userId, String channel, String messageTs, String actionId, String value) {
    SlackMessage message =
        workspace
            .message(channel, messageTs)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No message " + messageTs + " in " + channel + " to click on"));
    SlackMessage.Element element =
        message
            .element(actionId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Message "
                            + messageTs
                            + " has no element "
                            + actionId
                            + "; it has "
                            + message.actionIds()));
    ObjectNode payload = common("block_actions", userId);
    payload
        .putObject("container")
        .put("type", "message")
        .put("message_ts", messageTs)
        .put("channel_id", channel)
        .put("is_ephemeral", false);
    payload.put("trigger_id", workspace.issueTriggerId());
    payload.putObject("channel").put("id", channel).put("name", channel.toLowerCase(Locale.ROOT));
    payload.set("message", message.toJson());
    payload.putObject("state").putObject("values");
    payload.put("response_url", newResponseUrl());
    ObjectNode action = payload.putArray("actions").addObject();
    action.put("action_id", actionId).put("block_id", element.blockId());
    if (element.json().has("text")) {
      action.set("text", element.json().get("text").deepCopy());
    }
    action
        .put("value", value)
        .put("type", element.json().path("type").asText("button"))
        .put("action_ts", nowTs());
    return payload;
  }

  /**
   * A {@code block_actions} payload for {@code userId} clicking the button {@code actionId} of a
   * private (ephemeral) answer, the body the bot posted to a {@code response_url}: Slack keeps no
   * such message, so the payload carries only its container.
   *
   * @throws IllegalArgumentException if the answer has no such button
   */
  public ObjectNode ephemeralBlockAction(
      String userId, String channel, JsonNode answer, String actionId) {
    JsonNode button = null;
    String blockId = "";
    for (JsonNode block : answer.path("blocks")) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          button = element;
          blockId = block.path("block_id").asText("");
        }
      }
    }
    if (button == null) {
      throw new IllegalArgumentException("The private answer has no element " + actionId);
    }
    ObjectNode payload = common("block_actions", userId);
    payload
        .putObject("container")
        .put("type", "message")
        .put("message_ts", nowTs())
        .put("channel_id", channel)
        .put("is_ephemeral", true);
    payload.put("trigger_id", workspace.issueTriggerId());
    payload.putObject("channel").put("id", channel).put("name", channel.toLowerCase(Locale.ROOT));
    payload.putObject("state").putObject("values");
    payload.put("response_url", newResponseUrl());
    payload
        .putArray("actions")
        .addObject()
        .put("action_id", actionId)
        .put("block_id", blockId)
        .put("value", button.path("value").asText())
        .put("type", "button")
        .put("action_ts", nowTs());
    return payload;
  }

  /**
   * A {@code view_submission} payload for {@code userId} submitting the modal {@code viewId}, which
   * the bot must have opened with {@code views.open}.
   *
   * @param stateValues the {@code view.state.values} object: block id to action id to input state;
   *     see {@link #textInputs}
   * @throws IllegalArgumentException if the fake never opened {@code viewId}
   */
  public ObjectNode viewSubmission(String userId, String viewId, JsonNode stateValues) {
    Workspace.OpenedView opened =
        workspace
            .view(viewId)
            .orElseThrow(() -> new IllegalArgumentException("No modal " + viewId + " was opened"));
    ObjectNode payload = common("view_submission", userId);
    payload.put("trigger_id", workspace.issueTriggerId());
    ObjectNode view = opened.view().deepCopy();
    view.put("id", viewId)
        .put("team_id", FakeSlack.TEAM_ID)
        .put("type", opened.view().path("type").asText("modal"))
        .put("callback_id", opened.callbackId())
        .put("private_metadata", opened.view().path("private_metadata").asText(""))
        .put("hash", "fake." + viewId)
        .put("app_id", FakeSlack.APP_ID)
        .put("bot_id", FakeSlack.BOT_ID)
        .put("root_view_id", viewId);
    view.putObject("state").set("values", stateValues.deepCopy());
    payload.set("view", view);
    payload.putArray("response_urls");
    return payload;
  }

  /**
   * The {@code state.values} of a modal whose inputs are plain-text inputs: block id to action id
   * to the typed value.
   */
  public static ObjectNode textInputs(Map<String, Map<String, String>> values) {
    ObjectNode state = Json.object();
    values.forEach(
        (blockId, actions) -> {
          ObjectNode block = state.putObject(blockId);
          actions.forEach(
              (actionId, value) ->
                  block.putObject(actionId).put("type", "plain_text_input").put("value", value));
        });
    return state;
  }

  /** A new {@code response_url} on the fake; what the bot posts there shows in the workspace. */
  public String newResponseUrl() {
    return baseUrl + "response/" + workspace.nextId("R");
  }

  private static ObjectNode common(String type, String userId) {
    ObjectNode payload = Json.object().put("type", type);
    payload.putObject("team").put("id", FakeSlack.TEAM_ID).put("domain", FakeSlack.TEAM_DOMAIN);
    payload
        .putObject("user")
        .put("id", userId)
        .put("username", userId.toLowerCase(Locale.ROOT))
        .put("name", userId.toLowerCase(Locale.ROOT))
        .put("team_id", FakeSlack.TEAM_ID);
    payload
        .put("api_app_id", FakeSlack.APP_ID)
        .put("token", VERIFICATION_TOKEN)
        .put("is_enterprise_install", false);
    return payload;
  }

  private static String nowTs() {
    Instant now = Instant.now();
    return String.format(Locale.ROOT, "%d.%06d", now.getEpochSecond(), now.getNano() / 1000);
  }
}
