package io.pollcast.slack;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the user actions handled recently, so that Slack's retries of a delivery it thinks was
 * not acknowledged (Socket Mode's {@code retry_attempt}, HTTP's {@code X-Slack-Retry-Num}) are
 * acknowledged but not carried out twice: a retried {@code /poll start} posts nothing more, a
 * retried click answers no second time.
 *
 * <p>An action is known by its {@code trigger_id}, which Slack issues once per slash command, click
 * and submission and repeats unchanged in every retry. Slack retries within minutes, so entries
 * live ten minutes, and at most {@value #MAX_ENTRIES} are kept. Thread-safe.
 */
final class RecentDeliveries {
  private static final Duration TTL = Duration.ofMinutes(10);
  private static final int MAX_ENTRIES = 100_000;

  private final Map<String, Long> seenNanos = new LinkedHashMap<>();

  /**
   * Whether the action {@code triggerId} arrives for the first time; records it if so. An action
   * without a trigger id cannot be recognised and always counts as new.
   */
  synchronized boolean firstTime(String triggerId) {
    if (triggerId == null || triggerId.isEmpty()) {
      return true;
    }
    long now = System.nanoTime();
    forgetOld(now);
    return seenNanos.putIfAbsent(triggerId, now) == null;
  }

  private void forgetOld(long now) {
    Iterator<Long> oldestFirst = seenNanos.values().iterator();
    while (oldestFirst.hasNext()) {
      long seen = oldestFirst.next();
      if (now - seen < TTL.toNanos() && seenNanos.size() < MAX_ENTRIES) {
        return;
      }
      oldestFirst.remove();
    }
  }
}
