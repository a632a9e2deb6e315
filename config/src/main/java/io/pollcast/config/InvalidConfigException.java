package io.pollcast.config;

/**
 * A setting is missing, unknown or malformed. The message names the key and the expected form and
 * never contains a secret.
 */
public final class InvalidConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}
