package io.pollcast.storage;

import io.pollcast.config.StorageConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps a second bot off an H2 file that a bot already runs on. The command line ({@code tally},
 * {@code import}, ...) may share the file with the running bot, but two bots would both close
 * polls, remind and announce. The lock is the operating system's lock on a file beside the database
 * ({@code pollcast.bot.lock} next to {@code pollcast.mv.db}), so it goes when the bot's process
 * ends, however it ends. PostgreSQL needs none: several processes may share it.
 */
public final class BotLock implements AutoCloseable {
  private final Optional<FileChannel> channel;

  private BotLock(Optional<FileChannel> channel) {
    this.channel = channel;
  }

  /**
   * Takes the lock of the H2 file that {@code url} names; for PostgreSQL, an in-memory H2 or an H2
   * server reached over TCP, a lock that holds nothing.
   *
   * @throws StorageException if another bot holds it
   */
  public static BotLock acquire(String url) {
    Optional<Path> file = lockFile(url);
    if (file.isEmpty()) {
      return new BotLock(Optional.empty());
    }
    try {
      Files.createDirectories(file.get().toAbsolutePath().getParent());
      FileChannel channel =
          FileChannel.open(file.get(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new StorageException(
            String.format(
                "Another Pollcast bot is already running on %s (pollcast.storage.url). Stop it"
                    + " first: one bot per H2 database. To run several bot processes, use"
                    + " PostgreSQL.",
                file.get().toAbsolutePath().getParent()));
      }
      return new BotLock(Optional.of(channel));
    } catch (IOException e) {
      throw new StorageException("Cannot create " + file.get() + ": " + e.getMessage(), e);
    }
  }

  /** The lock, or null if another process (or this one) holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** The lock file of an H2 file URL, beside the database file; empty for anything else. */
  static Optional<Path> lockFile(String url) {
    return StorageConfig.h2File(url).map(file -> Path.of(file + ".bot.lock"));
  }

  /** Lets go of the lock; the file stays. */
  @Override
  public void close() {
    if (channel.isPresent()) {
      try {
        channel.get().close();
      } catch (IOException e) {
        // the lock goes with the process anyway
      }
    }
  }
}
