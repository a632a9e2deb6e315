package io.pollcast.command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Lets interactions in until the bot stops, and knows how many are still in hand: a stopping bot
 * {@link #close closes} the gate, so that new commands and clicks are turned away with a reply that
 * says so, then {@link #awaitIdle waits} for those in hand (a vote until its commit, a close until
 * its announcement was tried) before it disconnects and closes the database. Thread-safe.
 */
public final class InteractionGate {
  private final Object lock = new Object();
  private int inHand;
  private boolean closed;

  /**
   * Runs {@code work} as an interaction in hand until its future completes, or returns {@code
   * refused} without running it once the gate is closed.
   */
  <T> CompletableFuture<T> pass(Supplier<CompletableFuture<T>> work, Supplier<T> refused) {
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.completedFuture(refused.get());
      }
      inHand++;
    }
    CompletableFuture<T> result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      leave();
      throw e;
    }
    result.whenComplete((value, error) -> leave());
    return result;
  }

  private void leave() {
    synchronized (lock) {
      inHand--;
      if (inHand == 0) {
        lock.notifyAll();
      }
    }
  }

  /** Turns every later interaction away; those in hand go on. Idempotent. */
  public void close() {
    synchronized (lock) {
      closed = true;
    }
  }

  /** Whether the gate is closed. */
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** Interactions in hand now. */
  public int inHand() {
    synchronized (lock) {
      return inHand;
    }
  }

  /**
   * Waits until no interaction is in hand, at most {@code grace}; returns whether none is left.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitIdle(Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    synchronized (lock) {
      while (inHand > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }
}
