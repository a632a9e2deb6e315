package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a message as the fake stores it: the message JSON that JDA receives back.
 *
 * @param id the message's snowflake
 * @param channelId the channel it was posted in
 * @param json the full message object; a private copy
 */
public record FakeMessage(String id, String channelId, ObjectNode json) {
  /** Flag of a message only its recipient can see. */
  public static final int EPHEMERAL = 64;

  public FakeMessage {
    json = json.deepCopy();
  }

  /** A copy of the message object. */
  @Override
  public ObjectNode json() {
    return json.deepCopy();
  }

  public String content() {
    return json.path("content").asText("");
  }

  public int flags() {
    return json.path("flags").asInt(0);
  }

  public boolean ephemeral() {
    return (flags() & EPHEMERAL) != 0;
  }

  public List<JsonNode> embeds() {
    return elements(json.path("embeds"));
  }

  /** The top-level components (action rows). */
  public List<JsonNode> components() {
    return elements(json.path("components"));
  }

  /** Every button of the message, row by row. */
  public List<JsonNode> buttons() {
    List<JsonNode> buttons = new ArrayList<>();
    for (JsonNode row : components()) {
      for (JsonNode child : row.path("components")) {
        if (child.path("type").asInt() == 2) {
          buttons.add(child);
        }
      }
    }
    return buttons;
  }

  /** The button with that custom id. */
  public Optional<JsonNode> button(String customId) {
    return buttons().stream()
        .filter(button -> customId.equals(button.path("custom_id").asText()))
        .findFirst();
  }

  /** The custom ids of the buttons, row by row. */
  public List<String> buttonIds() {
    return buttons().stream().map(button -> button.path("custom_id").asText()).toList();
  }

  /** Whether the message has buttons and all of them are disabled. */
  public boolean allButtonsDisabled() {
    List<JsonNode> buttons = buttons();
    return !buttons.isEmpty()
        && buttons.stream().allMatch(button -> button.path("disabled").asBoolean(false));
  }

  static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> elements = new ArrayList<>();
    array.forEach(elements::add);
    return elements;
  }
}
