package io.pollcast.domain;

import java.util.List;

/**
 * A request the bot refuses with an explanation for the user: not allowed, unknown episode, and the
 * like. Carries a message key and arguments so that each platform can say it in the configured
 * language; nothing was changed.
 */
public final class RefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String messageKey;
  private final transient List<Object> arguments;

  public RefusedException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = List.of(arguments);
  }

  /** The key of the message in the message bundle. */
  public String messageKey() {
    return messageKey;
  }

  /** The arguments of the message. */
  public List<Object> arguments() {
    return arguments;
  }
}
