package io.pollcast.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.util.http.listener.HttpResponseListener;
import io.pollcast.domain.Platform;
import io.pollcast.poll.PlatformCallListener;
import java.util.regex.Pattern;
import okhttp3.Response;

/**
 * Reports each answer the Slack SDK receives, with the Web API method ({@code chat.update}, ...) as
 * the kind of call and how it ended: accepted, refused ({@code "ok":false} or HTTP 4xx), rate
 * limited (HTTP 429, with its {@code Retry-After}) or failed (HTTP 5xx). Posts to a response URL
 * count as {@code response_url}. Registered in the SDK's {@code SlackConfig} as a response
 * listener; no channel, user or token reaches a metric. Thread-safe.
 */
final class SlackCallMeter extends HttpResponseListener {
  private static final Pattern METHOD = Pattern.compile("[a-z]+(\\.[a-zA-Z]+)+");

  private final PlatformCallListener listener;

  SlackCallMeter(PlatformCallListener listener) {
    this.listener = listener;
  }

  @Override
  public void accept(State state) {
    Response response = state.getResponse();
    String call = callOf(response.request().url().pathSegments());
    int status = response.code();
    if (status == 429) {
      listener.rateLimited(
          Platform.SLACK, call, PlatformCallListener.retryAfter(response.header("Retry-After")));
    }
    String outcome = PlatformCallListener.outcomeOf(status);
    if (outcome.equals(PlatformCallListener.OK) && refused(state.getParsedResponseBody())) {
      outcome = PlatformCallListener.REFUSED;
    }
    listener.called(Platform.SLACK, call, outcome);
  }

  private static String callOf(java.util.List<String> segments) {
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    return METHOD.matcher(last).matches() ? last : "response_url";
  }

  /** Whether a Web API answer says {@code "ok":false}. */
  private static boolean refused(String body) {
    if (body == null || body.isBlank()) {
      return false;
    }
    try {
      JsonElement json = JsonParser.parseString(body);
      return json.isJsonObject()
          && json.getAsJsonObject().has("ok")
          && !json.getAsJsonObject().get("ok").getAsBoolean();
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      return false;
    }
  }
}
