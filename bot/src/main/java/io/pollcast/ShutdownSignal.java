package io.pollcast;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lets a bot run until it is asked to stop, by the process (SIGTERM, Ctrl-C) or from within (the
 * console's input ended, Discord ended the session), and close everything in order before the JVM
 * exits.
 *
 * <p>SIGTERM and SIGINT are taken over ({@code sun.misc.Signal}, the JDK's supported way in module
 * {@code jdk.unsupported}) instead of left to the JVM's shutdown sequence: that sequence runs every
 * shutdown hook at once, H2's among them, which closes the database under the commands the bot is
 * still finishing (H2 refuses to turn its hook off for {@code AUTO_SERVER} databases). The bot
 * stops, closes the database itself, and the process then exits with code 0. A second signal, or a
 * stop that takes longer than the given bound, ends the process at once. Any other way out of the
 * JVM still finds a shutdown hook that asks the bot to stop and waits for it, within the same
 * bound.
 */
final class ShutdownSignal {
  private static final Logger LOG = LoggerFactory.getLogger(ShutdownSignal.class);
  private static final int SIGNALLED_EXIT = 128 + 15;

  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);
  private final Duration bound;
  private final Map<Signal, SignalHandler> previous = new HashMap<>();
  private volatile boolean byProcess;

  private ShutdownSignal(Duration bound) {
    this.bound = bound;
  }

  /**
   * Takes over SIGTERM and SIGINT and registers the shutdown hook; a stop must be done within
   * {@code bound}.
   */
  static ShutdownSignal install(Duration bound) {
    ShutdownSignal signal = new ShutdownSignal(bound);
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal taken = new Signal(name);
        signal.previous.put(taken, Signal.handle(taken, s -> signal.signalled(s.getName())));
      } catch (IllegalArgumentException e) {
        // the JVM runs with -Xrs, or the platform lacks the signal: the shutdown hook still works
        LOG.debug("Cannot handle SIG{}; stopping through the shutdown hook", name);
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(signal::stopAndWait, "pollcast-shutdown"));
    return signal;
  }

  /** Blocks until a stop is asked for. */
  void await() throws InterruptedException {
    stopping.await();
  }

  /** Asks for a stop from within the bot. */
  void stop() {
    stopping.countDown();
  }

  /** Whether the process was asked to stop (a signal), rather than the bot itself. */
  boolean byProcess() {
    return byProcess;
  }

  /** The bot has closed everything: signals work as before again. */
  void done() {
    synchronized (previous) {
      previous.forEach(Signal::handle);
      previous.clear();
    }
    done.countDown();
  }

  private void signalled(String name) {
    if (byProcess) {
      LOG.warn("SIG{} again: stopping at once", name);
      System.exit(SIGNALLED_EXIT);
    }
    byProcess = true;
    stopping.countDown();
    Thread watchdog =
        new Thread(
            () -> {
              try {
                if (!done.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                  LOG.warn("The bot did not stop within {}: stopping at once", bound);
                  System.exit(SIGNALLED_EXIT);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "pollcast-stop-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private void stopAndWait() {
    if (stopping.getCount() > 0) {
      byProcess = true;
    }
    stopping.countDown();
    try {
      boolean unused = done.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
