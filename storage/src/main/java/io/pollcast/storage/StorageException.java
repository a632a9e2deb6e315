package io.pollcast.storage;

/**
 * The database cannot be used as configured: not reachable, wrong credentials, a schema newer than
 * this Pollcast, or an H2 file another bot already runs on. The message is one line for the person
 * who starts the bot and names the setting to look at.
 */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
