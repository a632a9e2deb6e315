package io.pollcast.config;

import java.net.URI;
import java.util.Set;

/**
 * Slack settings; the bot only connects to Slack when {@link Secrets#slackBotToken()} is set.
 *
 * @param mode Socket Mode or HTTP
 * @param bind address the HTTP endpoint listens on in HTTP mode ({@code 0.0.0.0}: all)
 * @param port HTTP port in HTTP mode
 * @param limits what the HTTP endpoint allows a client
 * @param hostUsers user or user group ids that act as hosts
 * @param moderatorUsers user or user group ids that act as moderators
 * @param apiUrl base URL of Slack's Web API
 */
public record SlackConfig(
    SlackMode mode,
    String bind,
    int port,
    WebServerLimits limits,
    Set<String> hostUsers,
    Set<String> moderatorUsers,
    URI apiUrl) {
  public SlackConfig {
    hostUsers = Set.copyOf(hostUsers);
    moderatorUsers = Set.copyOf(moderatorUsers);
  }

  /** How Slack delivers events to the bot. */
  public enum SlackMode {
    /** The bot opens a WebSocket to Slack; no public URL needed. */
    SOCKET,
    /** Slack sends signed HTTP requests to the bot. */
    HTTP
  }
}
