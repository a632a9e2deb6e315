package io.pollcast.slack;

import java.time.Duration;

/**
 * How {@link WebApi} waits out Slack's {@code Retry-After} before it makes a rate-limited call
 * again: {@link #SLEEP} in the bot; tests give one that returns at once and remembers the waits, so
 * that they wait for conditions, not for the clock.
 */
@FunctionalInterface
interface RateLimitWait {
  /** Blocks the calling thread for {@code duration}. */
  RateLimitWait SLEEP = duration -> Thread.sleep(duration.toMillis());

  /** Returns after {@code duration}, or sooner if the wait is not a real one. */
  void waitOut(Duration duration) throws InterruptedException;
}
