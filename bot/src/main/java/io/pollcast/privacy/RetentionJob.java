package io.pollcast.privacy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Retention} once at start-up, on the caller's thread, and then periodically on its own
 * scheduler thread, until closed.
 */
public final class RetentionJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "pollcast-retention");
            thread.setDaemon(true);
            return thread;
          });
  private final Retention retention;

  private RetentionJob(Retention retention, Duration period) {
    this.retention = retention;
    long millis = period.toMillis();
    // runs until close(); runLogged() logs what a run throws
    var unused =
        scheduler.scheduleWithFixedDelay(this::runLogged, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Runs the retention now, then every {@code period}. */
  public static RetentionJob start(Retention retention, Duration period) {
    retention.run();
    return new RetentionJob(retention, period);
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
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
