package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@code INTERACTION_CREATE} payloads the fake pushes, in the shape JDA parses.
 *
 * <p>JDA needs, besides the obvious: {@code version: 1} (other versions are dropped), the
 * interaction's {@code channel} object with its type (non-message channels are dropped), {@code
 * context} and {@code authorizing_integration_owners}, a {@code guild} object so that the cached
 * guild is used, and for a component the full {@code message} (a bare id gives a null {@code
 * getMessage()}). Immutable and thread-safe.
 */
final class InteractionPayloads {
  private static final int APPLICATION_COMMAND = 2;
  private static final int MESSAGE_COMPONENT = 3;
  private static final int MODAL_SUBMIT = 5;
  private static final int ATTACHMENT_OPTION = 11;
  private static final int LABEL = 18;
  private static final int TEXT_INPUT = 4;
  private static final int SUB_COMMAND = 1;
  private static final int BUTTON = 2;

  private final FakeGuild guild;
  private final EntityJson entities;

  InteractionPayloads(FakeGuild guild) {
    this.guild = guild;
    this.entities = new EntityJson(guild);
  }

  /**
   * A slash command with an optional subcommand; option values may be strings, integers or longs,
   * booleans, doubles and {@link FakeAttachment}s, which become Discord option types 3, 4, 5, 10
   * and 11 (an attachment also goes into {@code data.resolved.attachments}).
   */
  ObjectNode slashCommand(
      FakeInteraction interaction,
      String command,
      String commandId,
      Optional<String> subcommand,
      Map<String, Object> options) {
    ObjectNode payload = base(interaction, APPLICATION_COMMAND);
    ObjectNode data =
        payload.putObject("data").put("id", commandId).put("name", command).put("type", 1);
    ArrayNode values = optionValues(options);
    List<FakeAttachment> files =
        options.values().stream()
            .filter(FakeAttachment.class::isInstance)
            .map(FakeAttachment.class::cast)
            .toList();
    if (!files.isEmpty()) {
      ObjectNode attachments = data.putObject("resolved").putObject("attachments");
      for (FakeAttachment file : files) {
        attachments
            .putObject(file.id())
            .put("id", file.id())
            .put("filename", file.fileName())
            .put("size", file.size())
            .put("url", file.url())
            .put("proxy_url", file.url())
            .put("content_type", "text/plain; charset=utf-8");
      }
    }
    if (subcommand.isPresent()) {
      ObjectNode sub = data.putArray("options").addObject();
      sub.put("name", subcommand.get()).put("type", SUB_COMMAND).set("options", values);
    } else {
      data.set("options", values);
    }
    return payload;
  }

  /** A click on a button of a stored message. */
  ObjectNode buttonClick(FakeInteraction interaction, FakeMessage message, String customId) {
    ObjectNode payload = base(interaction, MESSAGE_COMPONENT);
    payload.putObject("data").put("custom_id", customId).put("component_type", BUTTON);
    payload.set("message", message.json());
    return payload;
  }

  /**
   * The submission of a form (modal) whose text inputs, each in a label as JDA 6 builds forms, hold
   * {@code values} by custom id.
   */
  ObjectNode modalSubmit(FakeInteraction interaction, String modalId, Map<String, String> values) {
    ObjectNode payload = base(interaction, MODAL_SUBMIT);
    ObjectNode data = payload.putObject("data").put("custom_id", modalId);
    ArrayNode components = data.putArray("components");
    int uniqueId = 1;
    for (Map.Entry<String, String> value : values.entrySet()) {
      ObjectNode label = components.addObject().put("type", LABEL).put("id", uniqueId++);
      label
          .putObject("component")
          .put("type", TEXT_INPUT)
          .put("id", uniqueId++)
          .put("custom_id", value.getKey())
          .put("value", value.getValue());
    }
    return payload;
  }

  private ObjectNode base(FakeInteraction interaction, int type) {
    ObjectNode payload =
        Json.object()
            .put("id", interaction.id())
            .put("application_id", guild.applicationId())
            .put("type", type)
            .put("token", interaction.token())
            .put("version", 1)
            .put("guild_id", guild.id())
            .put("channel_id", guild.channelId())
            .put("locale", "en-US")
            .put("guild_locale", "en-US")
            .put("app_permissions", Long.toUnsignedString(guild.everyonePermissions()))
            .put("context", 0);
    payload.putObject("guild").put("id", guild.id()).put("locale", "en-US").putArray("features");
    payload.set("channel", entities.channelJson());
    payload.set("member", entities.interactionMemberJson(interaction.member()));
    payload.putObject("authorizing_integration_owners").put("0", guild.id());
    payload.putArray("entitlements");
    return payload;
  }

  private static ArrayNode optionValues(Map<String, Object> options) {
    ArrayNode values = Json.array();
    options.forEach(
        (name, value) -> {
          ObjectNode option = values.addObject().put("name", name);
          if (value instanceof String text) {
            option.put("type", 3).put("value", text);
          } else if (value instanceof Integer || value instanceof Long) {
            option.put("type", 4).put("value", ((Number) value).longValue());
          } else if (value instanceof Boolean flag) {
            option.put("type", 5).put("value", flag);
          } else if (value instanceof FakeAttachment file) {
            option.put("type", ATTACHMENT_OPTION).put("value", file.id());
          } else if (value instanceof Double || value instanceof Float) {
            option.put("type", 10).put("value", ((Number) value).doubleValue());
          } else {
            throw new IllegalArgumentException(
                "Unsupported option " + name + " of " + value.getClass().getName());
          }
        });
    return values;
  }
}
