package io.pollcast;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a bot run until the process is asked to stop (Ctrl-C, SIGTERM) and still close everything in
 * order: the JVM's shutdown hook waits, up to half a minute, until the bot says it is done.
 */
final class ShutdownSignal {
  private static final long GRACE_SECONDS = 30;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);

  private ShutdownSignal() {}

  /** Registers the shutdown hook. */
  static ShutdownSignal install() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(signal::stopAndWait, "pollcast-shutdown"));
    return signal;
  }

  /** Blocks until the process is asked to stop. */
  void await() throws InterruptedException {
    stopping.await();
  }

  /** Lets the process exit: everything is closed. */
  void done() {
    done.countDown();
  }

  private void stopAndWait() {
    stopping.countDown();
    try {
      done.await(GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
