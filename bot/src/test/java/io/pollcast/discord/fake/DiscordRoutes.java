package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollcast.discord.fake.FakeRestServer.Call;
import io.pollcast.discord.fake.FakeRestServer.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Discord REST endpoints the fake models, on top of its message store and interaction ledger.
 *
 * <p>Covers what a poll bot on JDA calls: the bot user, command registration, interaction
 * callbacks, channel messages, and the interaction webhook ({@code @original} and follow-ups).
 * Errors carry Discord's codes: 10003 unknown channel, 10008 unknown message, 10015 unknown
 * webhook, 10062 unknown interaction, 40060 interaction already acknowledged. Thread-safe.
 */
final class DiscordRoutes {
  private final FakeGuild guild;
  private final EntityJson entities;
  private final String gatewayUrl;
  private final MessageStore messages;
  private final InteractionLedger interactions;
  private final Map<String, ObjectNode> commands = new LinkedHashMap<>();

  DiscordRoutes(
      FakeGuild guild, String gatewayUrl, MessageStore messages, InteractionLedger interactions) {
    this.guild = guild;
    this.entities = new EntityJson(guild);
    this.gatewayUrl = gatewayUrl;
    this.messages = messages;
    this.interactions = interactions;
  }

  void install(FakeRestServer rest) {
    rest.route("GET", "users/@me", call -> Reply.json(entities.userJson(guild.bot())));
    rest.route("GET", "gateway", call -> Reply.json(Json.object().put("url", gatewayUrl)));
    rest.route("GET", "gateway/bot", call -> Reply.json(gatewayBot()));
    for (String scope :
        List.of("applications/{app}/commands", "applications/{app}/guilds/*/commands")) {
      rest.route("PUT", scope, this::replaceCommands);
      rest.route("POST", scope, this::upsertCommand);
      rest.route("GET", scope, call -> Reply.json(registered()));
    }
    rest.route("POST", "interactions/{id}/{token}/callback", this::callback);
    rest.route("POST", "channels/{channel}/messages", this::postMessage);
    rest.route("GET", "channels/{channel}/messages/{message}", this::getMessage);
    rest.route("PATCH", "channels/{channel}/messages/{message}", this::editMessage);
    rest.route("DELETE", "channels/{channel}/messages/{message}", this::deleteMessage);
    rest.route("POST", "webhooks/{app}/{token}", this::followUp);
    rest.route("GET", "webhooks/{app}/{token}/messages/{message}", this::getWebhookMessage);
    rest.route("PATCH", "webhooks/{app}/{token}/messages/{message}", this::editWebhookMessage);
    rest.route("DELETE", "webhooks/{app}/{token}/messages/{message}", this::deleteWebhookMessage);
  }

  /** The commands the bot registered, as the fake echoed them (with ids). */
  synchronized List<ObjectNode> commands() {
    return commands.values().stream().map(ObjectNode::deepCopy).toList();
  }

  /** The id of the registered command of that name. */
  synchronized Optional<String> commandId(String name) {
    return Optional.ofNullable(commands.get(name)).map(command -> command.path("id").asText());
  }

  private ObjectNode gatewayBot() {
    ObjectNode json = Json.object().put("url", gatewayUrl).put("shards", 1);
    json.putObject("session_start_limit")
        .put("total", 1000)
        .put("remaining", 1000)
        .put("reset_after", 0)
        .put("max_concurrency", 1);
    return json;
  }

  private synchronized Reply replaceCommands(Call call) {
    if (!call.param("app").equals(guild.applicationId())) {
      return Reply.error(404, 10002, "Unknown Application");
    }
    if (!call.body().isArray()) {
      return Reply.error(400, 50035, "Invalid Form Body");
    }
    Map<String, ObjectNode> replaced = new LinkedHashMap<>();
    call.body().forEach(command -> replaced.put(command.path("name").asText(), register(command)));
    commands.clear();
    commands.putAll(replaced);
    return Reply.json(registered());
  }

  private synchronized Reply upsertCommand(Call call) {
    if (!call.param("app").equals(guild.applicationId())) {
      return Reply.error(404, 10002, "Unknown Application");
    }
    ObjectNode command = register(call.body());
    commands.put(command.path("name").asText(), command);
    return Reply.json(command);
  }

  private ObjectNode register(JsonNode definition) {
    ObjectNode command = definition.deepCopy();
    String name = command.path("name").asText();
    ObjectNode previous = commands.get(name);
    command.put("id", previous == null ? Snowflakes.next() : previous.path("id").asText());
    command.put("application_id", guild.applicationId()).put("version", Snowflakes.next());
    if (!command.has("type")) {
      command.put("type", 1);
    }
    return command;
  }

  private synchronized ArrayNode registered() {
    ArrayNode array = Json.array();
    commands.values().forEach(array::add);
    return array;
  }

  private Reply callback(Call call) {
    String token = call.param("token");
    int type = call.body().path("type").asInt();
    JsonNode data = call.body().path("data");
    InteractionLedger.Verdict verdict =
        interactions.recordCallback(call.param("id"), token, type, data);
    switch (verdict) {
      case UNKNOWN_INTERACTION -> {
        return Reply.error(404, 10062, "Unknown interaction");
      }
      case ALREADY_ACKNOWLEDGED -> {
        return Reply.error(400, 40060, "Interaction has already been acknowledged.");
      }
      case ACCEPTED -> {}
    }
    FakeInteraction interaction = interactions.byToken(token).orElseThrow();
    if (type == InteractionCallback.CHANNEL_MESSAGE_WITH_SOURCE
        || type == InteractionCallback.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE) {
      FakeMessage reply = messages.create(guild.channelId(), data, true);
      interactions.setOriginalMessageId(
          token, reply.id(), type == InteractionCallback.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
    } else if (type == InteractionCallback.UPDATE_MESSAGE) {
      interaction.messageId().ifPresent(messageId -> messages.edit(messageId, data));
    }
    return Reply.noContent();
  }

  private Reply postMessage(Call call) {
    if (!call.param("channel").equals(guild.channelId())) {
      return unknownChannel();
    }
    return Reply.json(messages.create(guild.channelId(), call.body(), false).json());
  }

  private Reply getMessage(Call call) {
    if (!call.param("channel").equals(guild.channelId())) {
      return unknownChannel();
    }
    return found(messages.get(call.param("message")));
  }

  private Reply editMessage(Call call) {
    if (!call.param("channel").equals(guild.channelId())) {
      return unknownChannel();
    }
    return found(messages.edit(call.param("message"), call.body()));
  }

  private Reply deleteMessage(Call call) {
    if (!call.param("channel").equals(guild.channelId())) {
      return unknownChannel();
    }
    return messages.delete(call.param("message")) ? Reply.noContent() : unknownMessage();
  }

  private Reply followUp(Call call) {
    if (!knownWebhook(call)) {
      return unknownWebhook();
    }
    String token = call.param("token");
    if (interactions.fillDeferredPlaceholder(token)) {
      return found(
          interactions.originalMessageId(token).flatMap(id -> messages.edit(id, call.body())));
    }
    FakeMessage followUp = messages.create(guild.channelId(), call.body(), true);
    interactions.addFollowUp(token, followUp.id());
    return Reply.json(followUp.json());
  }

  private Reply getWebhookMessage(Call call) {
    if (!knownWebhook(call)) {
      return unknownWebhook();
    }
    return found(webhookMessageId(call).flatMap(messages::get));
  }

  private Reply editWebhookMessage(Call call) {
    if (!knownWebhook(call)) {
      return unknownWebhook();
    }
    if ("@original".equals(call.param("message"))) {
      interactions.fillDeferredPlaceholder(call.param("token"));
    }
    return found(webhookMessageId(call).flatMap(id -> messages.edit(id, call.body())));
  }

  private Reply deleteWebhookMessage(Call call) {
    if (!knownWebhook(call)) {
      return unknownWebhook();
    }
    return webhookMessageId(call).filter(messages::delete).isPresent()
        ? Reply.noContent()
        : unknownMessage();
  }

  private boolean knownWebhook(Call call) {
    return call.param("app").equals(guild.applicationId())
        && interactions.byToken(call.param("token")).isPresent();
  }

  /** The message a webhook route refers to, if the interaction's webhook may act on it. */
  private Optional<String> webhookMessageId(Call call) {
    String token = call.param("token");
    String message = call.param("message");
    return "@original".equals(message)
        ? interactions.originalMessageId(token)
        : Optional.of(message).filter(id -> interactions.ownsMessage(token, id));
  }

  private static Reply found(Optional<FakeMessage> message) {
    return message.map(found -> Reply.json(found.json())).orElseGet(DiscordRoutes::unknownMessage);
  }

  private static Reply unknownChannel() {
    return Reply.error(404, 10003, "Unknown Channel");
  }

  private static Reply unknownMessage() {
    return Reply.error(404, 10008, "Unknown Message");
  }

  private static Reply unknownWebhook() {
    return Reply.error(404, 10015, "Unknown Webhook");
  }
}
