package io.pollcast.cli;

/** The user's input cannot be used; the message says why. Exit code 2. */
final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message);
  }
}
