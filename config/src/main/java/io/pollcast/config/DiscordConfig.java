package io.pollcast.config;

import java.net.URI;
import java.util.Set;

/**
 * Discord settings; the bot only connects to Discord when {@link Secrets#discordToken()} is set.
 *
 * @param hostRoles role names or ids whose members act as hosts
 * @param moderatorRoles role names or ids whose members act as moderators
 * @param restUrl base URL of Discord's REST API
 * @param gatewayUrl URL of Discord's gateway
 * @param shards the shards the bot has and those this process runs
 */
public record DiscordConfig(
    Set<String> hostRoles,
    Set<String> moderatorRoles,
    URI restUrl,
    URI gatewayUrl,
    DiscordShards shards) {
  public DiscordConfig {
    hostRoles = Set.copyOf(hostRoles);
    moderatorRoles = Set.copyOf(moderatorRoles);
  }
}
