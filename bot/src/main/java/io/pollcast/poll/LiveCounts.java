package io.pollcast.poll;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces live count updates: a vote only marks its poll as changed; once a second every changed
 * poll is refreshed once, however many votes arrived. Platforms thus see at most one edit per poll
 * message per second. Owns one scheduler thread; close it on shutdown.
 */
final class LiveCounts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCounts.class);
  private final Set<Long> changed = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pollcast-live-counts"));
  private final LongConsumer refresh;

  LiveCounts(LongConsumer refresh, long periodMillis) {
    this.refresh = refresh;
    // runs until the scheduler shuts down; flush() catches what a refresh throws
    var unused =
        scheduler.scheduleWithFixedDelay(
            this::flush, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  void changed(long pollId) {
    changed.add(pollId);
  }

  private void flush() {
    for (Long pollId : Set.copyOf(changed)) {
      changed.remove(pollId);
      try {
        refresh.accept(pollId);
      } catch (RuntimeException e) {
        LOG.warn("Could not refresh the live counts of poll {}", pollId, e);
      }
    }
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
