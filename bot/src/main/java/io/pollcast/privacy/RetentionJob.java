package io.pollcast.privacy;

import io.pollcast.routine.Routine;
import io.pollcast.routine.Routines;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Retention} once at start-up, on the caller's thread, and then periodically as a
 * {@link Routine}, until closed.
 */
public final class RetentionJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final Retention retention;
  private final Routines.Running running;

  private RetentionJob(Retention retention, Duration period, Routines routines) {
    this.retention = retention;
    this.running = routines.start(Routine.every("retention", period, this::runLogged));
  }

  /** Runs the retention now, then every {@code period} as one of the {@code routines}. */
  public static RetentionJob start(Retention retention, Duration period, Routines routines) {
    retention.run();
    return new RetentionJob(retention, period, routines);
  }

  private void runLogged() {
    try {
      retention.run();
    } catch (RuntimeException e) {
      LOG.warn("The retention job failed; it tries again at its next run", e);
    }
  }

  @Override
  public void close() {
    running.close();
  }
}
