package io.pollcast.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that a signed request has the fields the bot reads before Bolt and the handlers see it, so
 * that a malformed one is answered 400 with what is missing instead of failing somewhere inside: a
 * slash command needs its user, channel, response URL and trigger id; an interaction ({@code
 * payload=}) must be a JSON object with a {@code type} and a user, a click its actions and response
 * URL, a submission its view. The answer names fields, never echoes a value.
 */
final class RequestShape {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> COMMAND_FIELDS =
      List.of("command", "user_id", "channel_id", "response_url", "trigger_id");

  private RequestShape() {}

  /** What is wrong with {@code body} (a form, or JSON from the Events API), or empty. */
  static Optional<String> problem(String body, String contentType) {
    if (contentType != null && contentType.startsWith("application/json")) {
      return json(body).isPresent() ? Optional.empty() : Optional.of("not a JSON object");
    }
    Map<String, String> form;
    try {
      form = form(body);
    } catch (IllegalArgumentException e) {
      return Optional.of("not a form");
    }
    if (form.containsKey("payload")) {
      return json(form.get("payload"))
          .map(RequestShape::interactionProblem)
          .orElse(Optional.of("payload is not a JSON object"));
    }
    if (form.containsKey("command")) {
      List<String> missing = new ArrayList<>();
      for (String field : COMMAND_FIELDS) {
        if (form.getOrDefault(field, "").isBlank()) {
          missing.add(field);
        }
      }
      return missing.isEmpty()
          ? Optional.empty()
          : Optional.of("command without " + String.join(", ", missing));
    }
    return form.containsKey("ssl_check")
        ? Optional.empty()
        : Optional.of("neither a command nor an interaction");
  }

  private static Optional<String> interactionProblem(JsonNode payload) {
    List<String> missing = new ArrayList<>();
    require(payload, "type", missing);
    require(payload.path("user"), "user.id", missing);
    switch (payload.path("type").asText()) {
      case "block_actions" -> {
        require(payload, "response_url", missing);
        if (!payload.path("actions").isArray()) {
          missing.add("actions");
        }
      }
      case "view_submission" -> {
        if (!payload.path("view").path("state").path("values").isObject()) {
          missing.add("view.state.values");
        }
      }
      default -> {
        return Optional.of("an interaction of a kind the bot does not take");
      }
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of("interaction without " + String.join(", ", missing));
  }

  private static void require(JsonNode node, String name, List<String> missing) {
    String field = name.substring(name.lastIndexOf('.') + 1);
    if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
      missing.add(name);
    }
  }

  private static Optional<JsonNode> json(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** The fields of a URL-encoded form; the last of repeated ones. */
  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      fields.put(decode(name), decode(value));
    }
    return fields;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
