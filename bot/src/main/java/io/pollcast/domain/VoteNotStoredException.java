package io.pollcast.domain;

/**
 * A vote or withdrawal could not be made durable because the database failed; nothing of it was
 * written, and the member should try again.
 */
public final class VoteNotStoredException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public VoteNotStoredException(Throwable cause) {
    super("The vote could not be stored", cause);
  }
}
