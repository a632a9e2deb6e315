package io.pollcast.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches a database file's size: the largest it was while watched, sampled every {@value
 * #SAMPLE_MILLIS} ms on a thread of its own, and the size it settles at once writing stops and the
 * file upkeep is done.
 */
final class FileWatch implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 100;
  private static final long REST_MILLIS = 5_000;
  private static final long REST_LIMIT_MILLIS = 120_000;

  private final Path file;
  private final AtomicLong largest = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "bench-file-watch");
            thread.setDaemon(true);
            return thread;
          });

  FileWatch(Path file) {
    this.file = file;
    largest.set(size(file));
    var unused =
        sampler.scheduleAtFixedRate(
            () -> largest.accumulateAndGet(size(file), Math::max),
            SAMPLE_MILLIS,
            SAMPLE_MILLIS,
            TimeUnit.MILLISECONDS);
  }

  /** The largest size seen so far. */
  long largest() {
    return Math.max(largest.get(), size(file));
  }

  /**
   * Waits until the file's size has not changed for {@value #REST_MILLIS} ms (at most {@value
   * #REST_LIMIT_MILLIS} ms in all) and returns it.
   */
  long atRest() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REST_LIMIT_MILLIS);
    long size = size(file);
    long since = System.nanoTime();
    while (System.nanoTime() - since < TimeUnit.MILLISECONDS.toNanos(REST_MILLIS)
        && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(SAMPLE_MILLIS);
      long now = size(file);
      if (now != size) {
        size = now;
        since = System.nanoTime();
      }
    }
    return size;
  }

  static long size(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
