package io.pollcast.routine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names the threads of the bot's own pools ({@code name-1}, {@code name-2}, ...) and makes them
 * daemons, so that a thread dump says whose they are and none of them keeps a stopped bot alive.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A factory for threads named {@code name-1}, {@code name-2}, .... */
  public static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
