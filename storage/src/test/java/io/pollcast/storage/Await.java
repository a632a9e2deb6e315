package io.pollcast.storage;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for something another thread or process does (a vote committed, a bot acknowledging an
 * envelope, a line of output) by polling a condition until a deadline, instead of sleeping a fixed
 * time: tests continue as soon as the condition holds and fail with a message naming what never
 * happened. Polling parks the caller for at most {@value #POLL_MILLIS} ms at a time.
 */
public final class Await {
  /** Long enough for a bot on a busy build machine, short enough to keep a failing test quick. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration LONG_TIMEOUT = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 2;

  private Await() {}

  /** Waits up to 30 s until {@code condition} holds. */
  public static void until(BooleanSupplier condition) {
    until(LONG_TIMEOUT, condition, () -> "a condition");
  }

  /** Waits up to {@link #DEFAULT_TIMEOUT} until {@code condition} holds. */
  public static void until(BooleanSupplier condition, Supplier<String> what) {
    until(DEFAULT_TIMEOUT, condition, what);
  }

  /**
   * Waits until {@code condition} holds.
   *
   * @param what describes the awaited state; it is only evaluated for the failure message
   * @throws AssertionError if the condition does not hold within {@code timeout}
   */
  public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
    value(
        timeout,
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(),
        what);
  }

  /** Waits up to {@link #DEFAULT_TIMEOUT} until {@code probe} yields a value, and returns it. */
  public static <T> T value(Supplier<Optional<T>> probe, Supplier<String> what) {
    return value(DEFAULT_TIMEOUT, probe, what);
  }

  /**
   * Waits until {@code probe} yields a value, and returns it.
   *
   * @throws AssertionError if no value comes within {@code timeout} or the caller is interrupted
   */
  public static <T> T value(Duration timeout, Supplier<Optional<T>> probe, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what.get());
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new AssertionError("Interrupted while waiting for " + what.get());
      }
      LockSupport.parkNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
    }
  }

  /** How many sessions of the database wait for a lock another session holds. */
  static long blockedSessions(Database db) {
    String query =
        switch (db.engine()) {
          case H2 ->
              "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
          case POSTGRESQL ->
              "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                  + " AND datname = current_database()";
        };
    return db.jdbi().withHandle(h -> h.createQuery(query).mapTo(Long.class).one());
  }
}
