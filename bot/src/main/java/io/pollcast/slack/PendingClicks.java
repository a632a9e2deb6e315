package io.pollcast.slack;

import java.time.Duration;

/**
 * Counts the clicks taken but not yet answered, so that stopping can wait for them: a vote's answer
 * is sent on the adapter's executor once the core has the vote, after the task that handed it in
 * has finished, so waiting for the executor alone would shut it before the answer is sent.
 * Thread-safe.
 */
final class PendingClicks {
  private int pending;

  /** A click was taken. */
  synchronized void begin() {
    pending++;
  }

  /** A click taken was answered (or failed). */
  synchronized void end() {
    pending--;
    if (pending == 0) {
      notifyAll();
    }
  }

  /** Waits until every click taken is answered, at most {@code timeout}; whether they were. */
  synchronized boolean awaitNone(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pending > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
