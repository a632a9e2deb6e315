package io.pollcast.slack.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web API methods the fake refuses for a while with HTTP 429, as Slack does when an app calls a
 * method faster than its tier allows. Thread-safe.
 */
final class RateLimits {
  /** What the fake sends as {@code Retry-After}, in seconds. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

  /** Refuses the next {@code times} calls of {@code method}. */
  void limit(String method, int times) {
    refusals.merge(method, times, Integer::sum);
  }

  /** Whether this call of {@code method} is refused; counts it if so. */
  boolean refuses(String method) {
    boolean[] refused = {false};
    refusals.computeIfPresent(
        method,
        (m, left) -> {
          refused[0] = true;
          return left > 1 ? left - 1 : null;
        });
    return refused[0];
  }
}
