package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One REST request the bot made to the fake, as recorded in its journal.
 *
 * @param method the HTTP method
 * @param path the path below the API base, e.g. {@code channels/123/messages}
 * @param query the raw query string, empty when there is none
 * @param body the JSON body; a missing node when empty, a text node when not JSON
 * @param status the status the fake answered with
 * @param routed whether a route of the fake handled it; false means the bot called an endpoint the
 *     fake does not know, which tests should treat as a failure
 * @param receivedAt when the fake received it
 */
public record RecordedRequest(
    String method,
    String path,
    String query,
    JsonNode body,
    int status,
    boolean routed,
    Instant receivedAt) {

  /**
   * Whether the request matches a method and a path template whose {@code {placeholders}} or {@code
   * *} match any one segment, e.g. {@code "PATCH", "channels/{channel}/messages/*"}.
   */
  public boolean matches(String method, String pathTemplate) {
    return this.method.equals(method)
        && RouteTemplate.parse(pathTemplate).matches(path).isPresent();
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
