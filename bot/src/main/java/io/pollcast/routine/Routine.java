package io.pollcast.routine;

import java.time.Duration;

/**
 * Work the bot does on a schedule: closing due polls, checking the feed, removing expired voter
 * rows. {@link Routines} runs it every {@link #period()}, one run at a time, until it is stopped.
 *
 * @param name what the logs call it when a run fails
 * @param initialDelay how long after start the first run comes
 * @param period the pause between the end of one run and the start of the next
 * @param work what a run does; what it throws is logged and the next run comes all the same
 */
public record Routine(String name, Duration initialDelay, Duration period, Runnable work) {

  /** Checks that the period is positive. */
  public Routine {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the period of " + name + " must be positive");
    }
    if (initialDelay.isNegative()) {
      throw new IllegalArgumentException("the initial delay of " + name + " must not be negative");
    }
  }

  /** A routine whose first run comes one period after it starts. */
  public static Routine every(String name, Duration period, Runnable work) {
    return new Routine(name, period, period, work);
  }
}
