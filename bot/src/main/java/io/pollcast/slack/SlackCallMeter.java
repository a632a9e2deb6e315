package io.pollcast.slack;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.util.http.listener.HttpResponseListener;
import io.pollcast.domain.Platform;
import io.pollcast.poll.PlatformCallListener;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Reports each call the Slack SDK makes, with the Web API method ({@code chat.update}, ...) as the
 * kind of call and how it ended: accepted, refused ({@code "ok":false} or HTTP 4xx), rate limited
 * (HTTP 429, with its {@code Retry-After}), failed (HTTP 5xx) or unanswered. Posts to a response
 * URL count as {@code response_url}. The SDK hands the answers it accepts (HTTP 2xx) to its
 * response listeners, this one among them; the others never reach a listener, so {@link
 * #failures()}, an OkHttp interceptor in the SDK's HTTP client, reports those. No channel, user or
 * token reaches a metric. Thread-safe.
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
    String outcome = PlatformCallListener.outcomeOf(response.code());
    if (outcome.equals(PlatformCallListener.OK) && refused(state.getParsedResponseBody())) {
      outcome = PlatformCallListener.REFUSED;
    }
    listener.called(Platform.SLACK, call, outcome);
  }

  /** Reports the calls that got no answer or one outside HTTP 2xx. */
  Interceptor failures() {
    return chain -> {
      String call = callOf(chain.request().url().pathSegments());
      Response response;
      try {
        response = chain.proceed(chain.request());
      } catch (IOException e) {
        listener.called(Platform.SLACK, call, PlatformCallListener.NETWORK_ERROR);
        throw e;
      }
      if (!response.isSuccessful()) {
        if (response.code() == 429) {
          listener.rateLimited(
              Platform.SLACK,
              call,
              PlatformCallListener.retryAfter(response.header("Retry-After")));
        }
        listener.called(Platform.SLACK, call, PlatformCallListener.outcomeOf(response.code()));
      }
      return response;
    };
  }

  private static String callOf(List<String> segments) {
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
