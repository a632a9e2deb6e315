package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The messages of the fake guild, with the history of their edits.
 *
 * <p>Messages are stored as the full JSON object JDA parses ({@code mentions}, {@code
 * mention_roles} and an embed {@code type} are mandatory for JDA). Only the fields a bot may set
 * are taken from a request body. Thread-safe: every method locks the store.
 */
final class MessageStore {
  private static final List<String> EDITABLE_FIELDS =
      List.of("content", "embeds", "components", "flags", "tts");

  private final FakeGuild guild;
  private final EntityJson entities;
  private final Map<String, Stored> messages = new LinkedHashMap<>();

  MessageStore(FakeGuild guild) {
    this.guild = guild;
    this.entities = new EntityJson(guild);
  }

  /**
   * Stores a new message by the bot.
   *
   * @param body the message fields from the request
   * @param interactionResponse whether it answers an interaction (then it comes from a webhook)
   */
  synchronized FakeMessage create(String channelId, JsonNode body, boolean interactionResponse) {
    String id = Snowflakes.next();
    ObjectNode json =
        Json.object()
            .put("id", id)
            .put("type", 0)
            .put("channel_id", channelId)
            .put("guild_id", guild.id())
            .put("content", "")
            .put("timestamp", Instant.now().toString())
            .putNull("edited_timestamp")
            .put("tts", false)
            .put("mention_everyone", false)
            .put("pinned", false)
            .put("flags", 0);
    json.set("author", entities.userJson(guild.bot()));
    for (String array :
        List.of("mentions", "mention_roles", "attachments", "embeds", "components")) {
      json.putArray(array);
    }
    if (interactionResponse) {
      json.put("webhook_id", guild.applicationId()).put("application_id", guild.applicationId());
    }
    apply(json, body);
    Stored stored = new Stored(json);
    messages.put(id, stored);
    return stored.snapshot();
  }

  /**
   * Applies an edit; empty if no such message exists (or it was deleted). As on Discord, an edit
   * cannot make a message ephemeral or public.
   */
  synchronized Optional<FakeMessage> edit(String id, JsonNode body) {
    Stored stored = messages.get(id);
    if (stored == null || stored.deleted) {
      return Optional.empty();
    }
    int ephemeral = stored.json.path("flags").asInt(0) & FakeMessage.EPHEMERAL;
    apply(stored.json, body);
    int otherFlags = stored.json.path("flags").asInt(0) & ~FakeMessage.EPHEMERAL;
    stored
        .json
        .put("flags", otherFlags | ephemeral)
        .put("edited_timestamp", Instant.now().toString());
    FakeMessage snapshot = stored.snapshot();
    stored.edits.add(snapshot);
    return Optional.of(snapshot);
  }

  synchronized boolean delete(String id) {
    Stored stored = messages.get(id);
    if (stored == null || stored.deleted) {
      return false;
    }
    stored.deleted = true;
    return true;
  }

  synchronized Optional<FakeMessage> get(String id) {
    Stored stored = messages.get(id);
    return stored == null || stored.deleted ? Optional.empty() : Optional.of(stored.snapshot());
  }

  /** The messages everyone can see in the channel, oldest first. */
  synchronized List<FakeMessage> visibleIn(String channelId) {
    List<FakeMessage> visible = new ArrayList<>();
    for (Stored stored : messages.values()) {
      FakeMessage message = stored.snapshot();
      if (!stored.deleted && message.channelId().equals(channelId) && !message.ephemeral()) {
        visible.add(message);
      }
    }
    return visible;
  }

  /** The message as it was after each edit, oldest first. */
  synchronized List<FakeMessage> editsOf(String id) {
    Stored stored = messages.get(id);
    return stored == null ? List.of() : List.copyOf(stored.edits);
  }

  private static void apply(ObjectNode json, JsonNode body) {
    for (String field : EDITABLE_FIELDS) {
      if (body.has(field) && !body.get(field).isNull()) {
        json.set(field, body.get(field).deepCopy());
      }
    }
    ArrayNode embeds = (ArrayNode) json.get("embeds");
    embeds.forEach(
        embed -> {
          if (embed instanceof ObjectNode object && !object.hasNonNull("type")) {
            object.put("type", "rich");
          }
        });
  }

  private static final class Stored {
    final ObjectNode json;
    final List<FakeMessage> edits = new ArrayList<>();
    boolean deleted;

    Stored(ObjectNode json) {
      this.json = json;
    }

    FakeMessage snapshot() {
      return new FakeMessage(json.get("id").asText(), json.get("channel_id").asText(), json);
    }
  }
}
