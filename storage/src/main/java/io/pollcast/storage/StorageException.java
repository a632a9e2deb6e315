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

  /** The first line of a cause's message, so that the message built on it stays one line. */
  static String firstLine(Throwable cause) {
    String message = cause.getMessage();
    if (message == null) {
      return "no reason given";
    }
    String trimmed = message.strip();
    int end = trimmed.indexOf('\n');
    return end < 0 ? trimmed : trimmed.substring(0, end);
  }
}
