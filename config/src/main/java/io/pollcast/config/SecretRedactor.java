package io.pollcast.config;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Blanks the values of secrets out of text that is about to be shown or logged, such as an error
 * message from a library that may echo what it was given. A second line of defence: Pollcast's own
 * messages never contain secrets. Immutable and thread-safe.
 */
public final class SecretRedactor {
  /** The environment variables that hold secrets (and the override of the database password). */
  public static final List<String> SECRET_VARIABLES =
      List.of(
          "DISCORD_TOKEN",
          "SLACK_BOT_TOKEN",
          "SLACK_APP_TOKEN",
          "SLACK_SIGNING_SECRET",
          "POLLCAST_VOTER_KEY",
          "POLLCAST_DB_PASSWORD",
          "CONFIG_FORCE_pollcast_storage_password");

  private static final String MASK = "***";
  private final List<String> secrets;

  private SecretRedactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor for the secrets set in this environment. */
  public static SecretRedactor fromEnvironment(Map<String, String> env) {
    return new SecretRedactor(
        SECRET_VARIABLES.stream()
            .map(env::get)
            .filter(Objects::nonNull)
            .flatMap(value -> java.util.stream.Stream.of(value, value.strip()))
            .filter(value -> !value.isEmpty())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList());
  }

  /** The text with every occurrence of a secret replaced by {@code ***}. */
  public String redact(String text) {
    String redacted = text;
    for (String secret : secrets) {
      redacted = redacted.replace(secret, MASK);
    }
    return redacted;
  }
}
