package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Web API methods the fake implements, over the {@link Workspace}. Replies are shaped like
 * Slack's (and parse with the SDK's strict model); errors use Slack's error codes, so a bot's error
 * handling can be tested too.
 *
 * <p>Tokens are checked as Slack does: the app-level token only for {@code apps.connections.open},
 * the bot token for everything else.
 */
final class WebApiMethods {
  private static final Set<String> KNOWN =
      Set.of(
          "auth.test",
          "apps.connections.open",
          "chat.postMessage",
          "chat.update",
          "chat.postEphemeral",
          "views.open",
          "usergroups.users.list",
          "files.getUploadURLExternal",
          "files.completeUploadExternal");

  private final Workspace workspace;
  private final Supplier<String> socketModeUrls;
  private final String baseUrl;

  /**
   * @param socketModeUrls issues a WebSocket URL for each {@code apps.connections.open}
   * @param baseUrl the fake's own address, for the upload URLs it hands out
   */
  WebApiMethods(Workspace workspace, Supplier<String> socketModeUrls, String baseUrl) {
    this.workspace = workspace;
    this.socketModeUrls = socketModeUrls;
    this.baseUrl = baseUrl;
  }

  /** Runs {@code method} and returns Slack's JSON reply, {@code "ok":false} for any failure. */
  ObjectNode call(String method, Map<String, String> params, Optional<String> token) {
    try {
      if (!KNOWN.contains(method)) {
        throw new ApiError(CallJournal.UNKNOWN_METHOD);
      }
      checkToken(method, token);
      return switch (method) {
        case "auth.test" -> authTest(token);
        case "apps.connections.open" -> ok().put("url", socketModeUrls.get());
        case "chat.postMessage" -> postMessage(params);
        case "chat.update" -> update(params);
        case "chat.postEphemeral" -> postEphemeral(params);
        case "views.open" -> openView(params);
        case "usergroups.users.list" -> userGroupMembers(params);
        case "files.getUploadURLExternal" -> uploadUrl(params);
        default -> completeUpload(params);
      };
    } catch (ApiError e) {
      return e.reply();
    }
  }

  private static void checkToken(String method, Optional<String> token) {
    String given = token.orElseThrow(() -> new ApiError("not_authed"));
    boolean app = given.equals(FakeSlack.APP_TOKEN);
    boolean bot = given.equals(FakeSlack.BOT_TOKEN);
    if (!app && !bot) {
      throw new ApiError("invalid_auth");
    }
    boolean allowed =
        switch (method) {
          case "auth.test" -> true;
          case "apps.connections.open" -> app;
          default -> bot;
        };
    if (!allowed) {
      throw new ApiError("not_allowed_token_type");
    }
  }

  /**
   * Answers for either token: the SDK itself calls {@code auth.test} with the app-level token
   * before {@code apps.connections.open}, to learn the team for its rate-limit metrics.
   */
  private static ObjectNode authTest(Optional<String> token) {
    ObjectNode reply =
        ok().put("url", "https://" + FakeSlack.TEAM_DOMAIN + ".slack.com/")
            .put("team", "Pollcast Test")
            .put("team_id", FakeSlack.TEAM_ID)
            .put("is_enterprise_install", false);
    if (token.equals(Optional.of(FakeSlack.BOT_TOKEN))) {
      reply.put("user", "pollcast").put("user_id", FakeSlack.BOT_USER_ID);
      reply.put("bot_id", FakeSlack.BOT_ID);
    } else {
      reply.put("app_id", FakeSlack.APP_ID);
    }
    return reply;
  }

  private ObjectNode postMessage(Map<String, String> params) {
    String channel = required(params, "channel", "channel_not_found");
    String text = params.getOrDefault("text", "");
    JsonNode blocks = blocks(params).orElseGet(Json::array);
    if (text.isEmpty() && blocks.isEmpty()) {
      throw new ApiError("no_text");
    }
    SlackMessage message =
        workspace.postMessage(channel, text, blocks, Optional.ofNullable(params.get("thread_ts")));
    ObjectNode reply = ok().put("channel", channel).put("ts", message.ts());
    reply.set("message", message.toJson());
    return reply;
  }

  private ObjectNode update(Map<String, String> params) {
    String channel = required(params, "channel", "channel_not_found");
    String ts = required(params, "ts", "message_not_found");
    SlackMessage message =
        workspace
            .updateMessage(channel, ts, Optional.ofNullable(params.get("text")), blocks(params))
            .orElseThrow(() -> new ApiError("message_not_found"));
    ObjectNode reply =
        ok().put("channel", channel).put("ts", message.ts()).put("text", message.text());
    reply.set("message", message.toJson());
    return reply;
  }

  private ObjectNode postEphemeral(Map<String, String> params) {
    String channel = required(params, "channel", "channel_not_found");
    String user = required(params, "user", "user_not_in_channel");
    String text = params.getOrDefault("text", "");
    JsonNode blocks = blocks(params).orElseGet(Json::array);
    if (text.isEmpty() && blocks.isEmpty()) {
      throw new ApiError("no_text");
    }
    return ok().put("message_ts", workspace.postEphemeral(channel, user, text, blocks));
  }

  private ObjectNode openView(Map<String, String> params) {
    String triggerId = required(params, "trigger_id", "invalid_arguments");
    switch (workspace.triggerState(triggerId)) {
      case UNKNOWN -> throw new ApiError("invalid_trigger_id");
      case EXPIRED -> throw new ApiError("expired_trigger_id");
      case VALID -> {}
    }
    JsonNode view = parse(required(params, "view", "invalid_arguments"), "invalid_arguments");
    Workspace.OpenedView opened = workspace.openView(triggerId, view);
    ObjectNode json = view.deepCopy();
    json.put("id", opened.id())
        .put("team_id", FakeSlack.TEAM_ID)
        .put("app_id", FakeSlack.APP_ID)
        .put("bot_id", FakeSlack.BOT_ID)
        .put("root_view_id", opened.id())
        .put("hash", "fake." + opened.id());
    json.putObject("state").putObject("values");
    ObjectNode reply = ok();
    reply.set("view", json);
    return reply;
  }

  private ObjectNode userGroupMembers(Map<String, String> params) {
    String group = required(params, "usergroup", "invalid_arguments");
    List<String> members =
        workspace.userGroup(group).orElseThrow(() -> new ApiError("no_such_subteam"));
    ObjectNode reply = ok();
    ArrayNode users = reply.putArray("users");
    members.forEach(users::add);
    return reply;
  }

  private ObjectNode uploadUrl(Map<String, String> params) {
    String filename = required(params, "filename", "invalid_arguments");
    int length;
    try {
      length = Integer.parseInt(required(params, "length", "invalid_arguments"));
    } catch (NumberFormatException e) {
      throw new ApiError("invalid_arguments");
    }
    Workspace.SlackFile file = workspace.announceFile(filename, length);
    return ok().put("upload_url", baseUrl + "upload/" + file.id()).put("file_id", file.id());
  }

  private ObjectNode completeUpload(Map<String, String> params) {
    JsonNode files = parse(required(params, "files", "invalid_arguments"), "invalid_arguments");
    Optional<String> channel =
        Optional.ofNullable(params.get("channel_id"))
            .or(() -> Optional.ofNullable(params.get("channels")).map(c -> c.split(",", -1)[0]));
    ArrayNode shared = Json.array();
    for (JsonNode each : files) {
      String id = each.path("id").asText();
      Workspace.SlackFile file =
          workspace
              .complete(id, each.path("title").asText(id), channel)
              .orElseThrow(() -> new ApiError("file_not_found"));
      shared
          .addObject()
          .put("id", file.id())
          .put("created", Instant.now().getEpochSecond())
          .put("name", file.filename())
          .put("title", file.title())
          .put("mimetype", file.filename().endsWith(".png") ? "image/png" : "text/plain")
          .put("filetype", file.filename().endsWith(".png") ? "png" : "text")
          .put("user", FakeSlack.BOT_USER_ID)
          .put("size", file.bytes().length);
    }
    ObjectNode reply = ok();
    reply.set("files", shared);
    return reply;
  }

  private static Optional<JsonNode> blocks(Map<String, String> params) {
    Optional<JsonNode> blocks =
        Optional.ofNullable(params.get("blocks")).map(b -> parse(b, "invalid_blocks_format"));
    blocks.ifPresent(
        given -> {
          List<String> violations = BlockLimits.violations(given);
          if (!violations.isEmpty()) {
            throw new ApiError("invalid_blocks", violations);
          }
        });
    return blocks;
  }

  private static JsonNode parse(String json, String error) {
    try {
      return Json.parse(json);
    } catch (IllegalArgumentException e) {
      throw new ApiError(error);
    }
  }

  private static String required(Map<String, String> params, String name, String error) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      throw new ApiError(error);
    }
    return value;
  }

  private static ObjectNode ok() {
    return Json.object().put("ok", true);
  }

  /** A Slack error reply, thrown to leave a method early. */
  private static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> messages;

    ApiError(String error) {
      this(error, List.of());
    }

    ApiError(String error, List<String> messages) {
      super(error, null, false, false);
      this.messages = List.copyOf(messages);
    }

    ObjectNode reply() {
      ObjectNode reply = Json.object().put("ok", false).put("error", getMessage());
      if (!messages.isEmpty()) {
        ArrayNode list = reply.putObject("response_metadata").putArray("messages");
        messages.forEach(list::add);
      }
      return reply;
    }
  }
}
