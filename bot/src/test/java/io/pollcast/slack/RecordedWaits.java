package io.pollcast.slack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RateLimitWait} that returns at once and remembers what it was asked to wait, so that a
 * test of Slack's rate limit checks the {@code Retry-After} honoured without waiting it out.
 */
final class RecordedWaits implements RateLimitWait {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void waitOut(Duration duration) {
    waits.add(duration);
  }

  /** The waits asked for so far, in order. */
  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
