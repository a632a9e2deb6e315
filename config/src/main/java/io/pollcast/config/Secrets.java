package io.pollcast.config;

import java.util.Map;
import java.util.Optional;

/**
 * Tokens and keys, read only from the environment and never printed: {@link #toString()} says which
 * are set, never what they are.
 *
 * @param discordToken {@code DISCORD_TOKEN}
 * @param slackBotToken {@code SLACK_BOT_TOKEN}
 * @param slackAppToken {@code SLACK_APP_TOKEN} (Socket Mode)
 * @param slackSigningSecret {@code SLACK_SIGNING_SECRET} (HTTP mode)
 * @param voterKey {@code POLLCAST_VOTER_KEY}, base64
 */
public record Secrets(
    Optional<String> discordToken,
    Optional<String> slackBotToken,
    Optional<String> slackAppToken,
    Optional<String> slackSigningSecret,
    Optional<String> voterKey) {

  /** No secrets at all: the console chat only. */
  public static Secrets none() {
    return fromEnvironment(Map.of());
  }

  /** Reads the secrets from environment variables; blank values count as absent. */
  public static Secrets fromEnvironment(Map<String, String> env) {
    return new Secrets(
        value(env, "DISCORD_TOKEN"),
        value(env, "SLACK_BOT_TOKEN"),
        value(env, "SLACK_APP_TOKEN"),
        value(env, "SLACK_SIGNING_SECRET"),
        value(env, "POLLCAST_VOTER_KEY"));
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "Secrets[discordToken="
        + mask(discordToken)
        + ", slackBotToken="
        + mask(slackBotToken)
        + ", slackAppToken="
        + mask(slackAppToken)
        + ", slackSigningSecret="
        + mask(slackSigningSecret)
        + ", voterKey="
        + mask(voterKey)
        + "]";
  }

  private static String mask(Optional<String> secret) {
    return secret.isPresent() ? "set" : "unset";
  }
}
