package io.pollcast.poll;

import io.pollcast.domain.Platform;
import java.time.Duration;

/**
 * Hears every call the bot makes to a platform's API and how it ended, for metrics: which kind of
 * call ({@code message.edit}, {@code chat.update}, ...) and which kind of outcome, and the waits a
 * platform's rate limit imposed. Knows no channel, message or member. Called on any thread, often
 * at once.
 */
public interface PlatformCallListener {
  /** Hears nothing. */
  PlatformCallListener NONE =
      new PlatformCallListener() {
        @Override
        public void called(Platform platform, String call, String outcome) {}

        @Override
        public void rateLimited(Platform platform, String call, Duration wait) {}
      };

  /** The call was answered, or failed on the way: {@code outcome} is one of the constants here. */
  void called(Platform platform, String call, String outcome);

  /** The platform refused the call for its rate limit and asked to wait {@code wait} first. */
  void rateLimited(Platform platform, String call, Duration wait);

  /** Accepted. */
  String OK = "ok";

  /** Refused for the rate limit (HTTP 429); made again after the wait. */
  String RATE_LIMITED = "rate_limited";

  /** Refused as a bad or forbidden request (HTTP 4xx, or Slack's {@code "ok":false}). */
  String REFUSED = "refused";

  /** The platform failed (HTTP 5xx). */
  String SERVER_ERROR = "server_error";

  /** No answer: the connection failed or timed out. */
  String NETWORK_ERROR = "network_error";

  /** The outcome an HTTP status stands for. */
  static String outcomeOf(int status) {
    if (status == 429) {
      return RATE_LIMITED;
    }
    if (status >= 500) {
      return SERVER_ERROR;
    }
    return status >= 400 ? REFUSED : OK;
  }

  /** A {@code Retry-After} header in seconds (Discord sends fractions), or zero if unreadable. */
  static Duration retryAfter(String header) {
    if (header == null) {
      return Duration.ZERO;
    }
    try {
      double seconds = Double.parseDouble(header.strip());
      return seconds > 0 ? Duration.ofMillis((long) (seconds * 1000)) : Duration.ZERO;
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }
}
