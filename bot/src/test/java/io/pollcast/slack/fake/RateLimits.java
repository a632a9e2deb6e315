package io.pollcast.slack.fake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web API methods the fake refuses for a while with HTTP 429, as Slack does when an app calls a
 * method faster than its tier allows, or fails with HTTP 500, as Slack does on a bad day. A refused
 * or failed call has no effect. Thread-safe.
 */
final class RateLimits {
  /** What the fake sends as {@code Retry-After}, in seconds. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  /** Refuses the next {@code times} calls of {@code method}. */
  void limit(String method, int times) {
    refusals.merge(method, times, Integer::sum);
  }

  /** Fails the next {@code times} calls of {@code method} with HTTP 500. */
  void fail(String method, int times) {
    failures.merge(method, times, Integer::sum);
  }

  /** Whether this call of {@code method} is refused; counts it if so. */
  boolean refuses(String method) {
    return takeOne(refusals, method);
  }

  /** Whether this call of {@code method} fails with HTTP 500; counts it if so. */
  boolean fails(String method) {
    return takeOne(failures, method);
  }

  private static boolean takeOne(Map<String, Integer> counts, String method) {
    boolean[] refused = {false};
    counts.computeIfPresent(
        method,
        (m, left) -> {
          refused[0] = true;
          return left > 1 ? left - 1 : null;
        });
    return refused[0];
  }
}
