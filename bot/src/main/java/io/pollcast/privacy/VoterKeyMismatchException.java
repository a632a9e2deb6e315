package io.pollcast.privacy;

/**
 * Pollcast was started with a voter key other than the one its open polls were started with. The
 * message says what to do and names the keys only by their fingerprints, never the keys.
 */
public final class VoterKeyMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  VoterKeyMismatchException(String message) {
    super(message);
  }
}
