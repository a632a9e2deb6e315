package io.pollcast.discord;

import io.pollcast.domain.Platform;
import io.pollcast.poll.PlatformCallListener;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reports each HTTP request JDA makes to Discord's REST API, with the kind of call and how it
 * ended, including the 429s that JDA waits out and the 5xx it retries. An OkHttp interceptor, given
 * to JDA through {@code JDABuilder.setHttpClientBuilder}. Paths are reduced to a few fixed kinds,
 * so no id or interaction token reaches a metric. Thread-safe.
 */
final class DiscordCallMeter implements Interceptor {
  private record Kind(String method, Pattern path, String name) {}

  private static final String ID = "[^/]+";
  private static final List<Kind> KINDS =
      List.of(
          kind("POST", "channels/" + ID + "/messages", "message.post"),
          kind("PATCH", "channels/" + ID + "/messages/" + ID, "message.edit"),
          kind("POST", "interactions/" + ID + "/" + ID + "/callback", "interaction.reply"),
          kind("PATCH", "webhooks/" + ID + "/" + ID + "/messages/" + ID, "interaction.edit"),
          kind("POST", "webhooks/" + ID + "/" + ID, "interaction.followup"),
          kind("PUT", "applications/" + ID + "/commands", "commands.register"),
          kind("PUT", "applications/" + ID + "/guilds/" + ID + "/commands", "commands.register"),
          kind("GET", "users/(@|%40)me", "login"));

  private final PlatformCallListener listener;

  DiscordCallMeter(PlatformCallListener listener) {
    this.listener = listener;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String call = kindOf(request.method(), request.url().encodedPath());
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      listener.called(Platform.DISCORD, call, PlatformCallListener.NETWORK_ERROR);
      throw e;
    }
    if (response.code() == 429) {
      listener.rateLimited(
          Platform.DISCORD, call, PlatformCallListener.retryAfter(response.header("Retry-After")));
    }
    listener.called(Platform.DISCORD, call, PlatformCallListener.outcomeOf(response.code()));
    return response;
  }

  /** The kind of call a request is, such as {@code message.edit}; {@code other} if none fits. */
  static String kindOf(String method, String path) {
    for (Kind kind : KINDS) {
      if (kind.method().equals(method) && kind.path().matcher(path).find()) {
        return kind.name();
      }
    }
    return "other";
  }

  private static Kind kind(String method, String path, String name) {
    return new Kind(method, Pattern.compile("/" + path + "$"), name);
  }
}
