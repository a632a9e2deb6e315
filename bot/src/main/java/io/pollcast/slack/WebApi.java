package io.pollcast.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Slack Web API call and turns every way it can fail into an unchecked exception. A call
 * that Slack refuses for its rate limit (HTTP 429) was not carried out, so it is made again after
 * the {@code Retry-After} that Slack asks for (at most {@value #MAX_WAIT_SECONDS} s, {@value
 * #ATTEMPTS} attempts in all): closing an episode edits every poll message and posts the results in
 * quick succession, which is what Slack's per-channel limits catch.
 *
 * <p>Threading: the waiting ({@link RateLimitWait}) blocks the calling thread; call it from the
 * adapter's own threads, never from Bolt's acknowledging thread. Thread-safe.
 */
final class WebApi {
  static final int ATTEMPTS = 4;
  static final int MAX_WAIT_SECONDS = 30;

  private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

  private final RateLimitWait rateLimitWait;

  WebApi(RateLimitWait rateLimitWait) {
    this.rateLimitWait = rateLimitWait;
  }

  /**
   * The response of {@code call}, which must be {@code "ok":true}.
   *
   * @throws SlackCallException if Slack refused the call
   * @throws UncheckedIOException if Slack could not be reached
   */
  <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      T response;
      try {
        response = call.run();
      } catch (IOException e) {
        throw new UncheckedIOException(method + " failed", e);
      } catch (SlackApiException e) {
        if (e.getResponse().code() == 429 && attempt < ATTEMPTS) {
          waitOut(method, retryAfterSeconds(e));
          continue;
        }
        throw new SlackCallException(method, "HTTP " + e.getResponse().code());
      }
      if (!response.isOk()) {
        throw new SlackCallException(method, response.getError());
      }
      return response;
    }
  }

  private static int retryAfterSeconds(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      int seconds = header == null ? 1 : Integer.parseInt(header.strip());
      return Math.max(1, Math.min(MAX_WAIT_SECONDS, seconds));
    } catch (NumberFormatException notSeconds) {
      return 1;
    }
  }

  private void waitOut(String method, int seconds) {
    LOG.info("Slack rate-limited {}; trying again in {} s", method, seconds);
    try {
      rateLimitWait.waitOut(Duration.ofSeconds(seconds));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallException(method, "interrupted while rate-limited");
    }
  }

  /** One Web API call. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws IOException, SlackApiException;
  }
}
