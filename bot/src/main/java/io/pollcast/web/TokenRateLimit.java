package io.pollcast.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits guessing at link tokens: an address whose token checks failed {@value #MAX_FAILURES} times
 * within a minute is refused (429) until that minute is over, whatever token it sends. Only
 * failures count, so many pages open from one address with a good link are never limited. Behind a
 * proxy every client has the proxy's address: the limit is then shared. Thread-safe.
 */
final class TokenRateLimit {
  static final int MAX_FAILURES = 20;
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_ADDRESSES = 10_000;

  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  TokenRateLimit(Clock clock) {
    this.clock = clock;
  }

  /** Whether {@code address} may have a token checked now. */
  boolean allows(String address) {
    Window window = windows.get(address);
    return window == null || window.over(clock.millis()) || window.failures < MAX_FAILURES;
  }

  /** Counts a failed check from {@code address}. */
  void failed(String address) {
    long now = clock.millis();
    if (windows.size() > MAX_ADDRESSES) {
      windows.values().removeIf(window -> window.over(now));
    }
    windows.compute(
        address,
        (a, window) -> {
          Window current = window == null || window.over(now) ? new Window(now) : window;
          current.failures++;
          return current;
        });
  }

  /** The failures of one address since {@link #start}. */
  private static final class Window {
    private final long start;
    private int failures;

    Window(long start) {
      this.start = start;
    }

    boolean over(long now) {
      return now - start >= WINDOW.toMillis();
    }
  }
}
