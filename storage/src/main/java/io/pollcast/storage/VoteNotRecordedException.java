package io.pollcast.storage;

/**
 * A vote could not be made durable (the database failed). Nothing of the batch it was in was
 * written; the voter should be told to try again.
 */
public final class VoteNotRecordedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VoteNotRecordedException(String message, Throwable cause) {
    super(message, cause);
  }
}
