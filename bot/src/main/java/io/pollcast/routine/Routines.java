package io.pollcast.routine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot's {@link Routine}s on one scheduler it owns, with a few daemon threads so that a
 * slow routine (a feed check) does not hold up another (closing due polls). Each routine runs one
 * run at a time; stopping it waits for a run in progress. Close it on shutdown, after the routines
 * it runs are stopped. Thread-safe.
 */
public final class Routines implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Routines.class);
  private final ScheduledExecutorService executor;

  /** A runner with {@code threads} threads named {@code name-1}, {@code name-2}, .... */
  public Routines(String name, int threads) {
    this.executor = Executors.newScheduledThreadPool(threads, DaemonThreads.named(name));
  }

  /** Schedules the routine; the returned handle stops it. */
  public Running start(Routine routine) {
    Running running = new Running(routine);
    running.future =
        executor.scheduleWithFixedDelay(
            running::runOnce,
            routine.initialDelay().toMillis(),
            routine.period().toMillis(),
            TimeUnit.MILLISECONDS);
    return running;
  }

  /** Stops every routine, waiting up to ten seconds for runs in progress. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** A scheduled routine; {@link #close()} stops it. */
  public static final class Running implements AutoCloseable {
    private final Routine routine;
    private final ReentrantLock running = new ReentrantLock();
    private volatile ScheduledFuture<?> future;
    private volatile boolean stopped;

    private Running(Routine routine) {
      this.routine = routine;
    }

    private void runOnce() {
      running.lock();
      try {
        if (!stopped) {
          routine.work().run();
        }
      } catch (RuntimeException e) {
        LOG.error(
            "The routine {} failed; it runs again in {}", routine.name(), routine.period(), e);
      } finally {
        running.unlock();
      }
    }

    /** Cancels the next runs and waits up to ten seconds for a run in progress to end. */
    @Override
    public void close() {
      stopped = true;
      future.cancel(false);
      try {
        if (running.tryLock(10, TimeUnit.SECONDS)) {
          running.unlock();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
