package io.pollcast.poll;

import io.pollcast.routine.Routine;
import io.pollcast.routine.Routines;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces live count updates: a vote only marks its poll as changed; once a second every changed
 * poll is refreshed once, however many votes arrived. Platforms thus see at most one edit per poll
 * message per second. Runs as a {@link Routine}; close it on shutdown.
 */
public final class LiveCounts implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCounts.class);
  private final Set<Long> changed = ConcurrentHashMap.newKeySet();
  private final LongConsumer refresh;
  private final Routines.Running running;

  public LiveCounts(LongConsumer refresh, Duration period, Routines routines) {
    this.refresh = refresh;
    // flush() catches what a refresh throws
    this.running = routines.start(Routine.every("live counts", period, this::flush));
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
    running.close();
  }
}
