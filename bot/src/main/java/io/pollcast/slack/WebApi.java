package io.pollcast.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Runs a Slack Web API call and turns every way it can fail into an unchecked exception. */
final class WebApi {
  private WebApi() {}

  /**
   * The response of {@code call}, which must be {@code "ok":true}.
   *
   * @throws SlackCallException if Slack refused the call
   * @throws UncheckedIOException if Slack could not be reached
   */
  static <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    T response;
    try {
      response = call.run();
    } catch (IOException e) {
      throw new UncheckedIOException(method + " failed", e);
    } catch (SlackApiException e) {
      throw new SlackCallException(method, "HTTP " + e.getResponse().code());
    }
    if (!response.isOk()) {
      throw new SlackCallException(method, response.getError());
    }
    return response;
  }

  /** One Web API call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException, SlackApiException;
  }
}
