package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A channel message as the fake stores it: posted by the bot through {@code chat.postMessage} (or
 * seeded by a test) and replaced by each {@code chat.update}.
 *
 * @param blocks the Block Kit array as the bot sent it (an empty array for text-only messages)
 * @param revision 1 when posted, incremented by every {@code chat.update}
 */
public record SlackMessage(
    String channel,
    String ts,
    String text,
    JsonNode blocks,
    int revision,
    Optional<String> threadTs) {

  /** The {@code type} of each block, in order. */
  public List<String> blockTypes() {
    List<String> types = new ArrayList<>();
    blocks.forEach(block -> types.add(block.path("type").asText()));
    return types;
  }

  /** The {@code action_id} of every interactive element (block elements and accessories). */
  public List<String> actionIds() {
    List<String> ids = new ArrayList<>();
    blocks.forEach(
        block -> interactiveElements(block).forEach(e -> ids.add(e.path("action_id").asText())));
    return ids;
  }

  /** The interactive element whose {@code action_id} is {@code actionId}, with its block's id. */
  Optional<Element> element(String actionId) {
    for (JsonNode block : blocks) {
      for (JsonNode candidate : interactiveElements(block)) {
        if (actionId.equals(candidate.path("action_id").asText())) {
          return Optional.of(new Element(block.path("block_id").asText(""), candidate));
        }
      }
    }
    return Optional.empty();
  }

  private static List<JsonNode> interactiveElements(JsonNode block) {
    List<JsonNode> elements = new ArrayList<>();
    block
        .path("elements")
        .forEach(
            e -> {
              if (e.has("action_id")) {
                elements.add(e);
              }
            });
    if (block.path("accessory").has("action_id")) {
      elements.add(block.get("accessory"));
    }
    return elements;
  }

  SlackMessage updated(String newText, JsonNode newBlocks) {
    return new SlackMessage(channel, ts, newText, newBlocks, revision + 1, threadTs);
  }

  /** The message object Slack returns from the Web API and embeds in interaction payloads. */
  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("type", "message");
    json.put("user", FakeSlack.BOT_USER_ID);
    json.put("bot_id", FakeSlack.BOT_ID);
    json.put("app_id", FakeSlack.APP_ID);
    json.put("team", FakeSlack.TEAM_ID);
    json.put("text", text);
    json.put("ts", ts);
    threadTs.ifPresent(thread -> json.put("thread_ts", thread));
    json.set("blocks", blocks.deepCopy());
    return json;
  }

  /** An interactive element of a message and the id of the block that holds it. */
  record Element(String blockId, JsonNode json) {}
}
