package io.pollcast.discord.fake;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A condition variable that is signalled whenever watched state changes, so that tests wait for a
 * condition with a deadline instead of sleeping.
 *
 * <p>Writers change their state first and call {@link #signalAll()} afterwards, outside any lock of
 * their own; waiters re-evaluate their probe on every signal. Probes run while this signal's lock
 * is held, so they must be quick and must not wait for anything themselves. Thread-safe.
 */
public final class ChangeSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  /** Wakes every waiter so that it re-evaluates its condition. */
  public void signalAll() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code probe} yields a value and returns it.
   *
   * @throws AssertionError naming {@code description} when the timeout passes first
   */
  public <T> T await(Duration timeout, String description, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        Optional<T> result = probe.get();
        if (result.isPresent()) {
          return result.get();
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new AssertionError(
              "Timed out after " + timeout.toMillis() + " ms waiting for " + description);
        }
        boolean unused = changed.await(remaining, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for " + description, e);
    } finally {
      lock.unlock();
    }
  }

  /** Waits until {@code condition} holds; see {@link #await(Duration, String, Supplier)}. */
  public void awaitTrue(Duration timeout, String description, BooleanSupplier condition) {
    await(
        timeout,
        description,
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }
}
