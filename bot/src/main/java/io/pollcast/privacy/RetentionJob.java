package io.pollcast.privacy;

import io.pollcast.routine.Routine;
import io.pollcast.routine.Routines;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Retention} once at start-up, on the caller's thread, and then periodically as a
 * {@link Routine}, until closed.
 */
public final class RetentionJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final Retention retention;
  private final BooleanSupplier myTurn;
  private final Routines.Running running;

  private RetentionJob(
      Retention retention, Duration period, BooleanSupplier myTurn, Routines routines) {
    this.retention = retention;
    this.myTurn = myTurn;
    this.running = routines.start(Routine.every("retention", period, this::runLogged));
  }

  /**
   * Runs the retention now, then every {@code period} as one of the {@code routines} when {@code
   * myTurn} says this process runs it (of several sharing the database, one does).
   */
  public static RetentionJob start(
      Retention retention, Duration period, BooleanSupplier myTurn, Routines routines) {
    retention.run();
    return new RetentionJob(retention, period, myTurn, routines);
  }

  private void runLogged() {
    if (!myTurn.getAsBoolean()) {
      return;
    }
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
