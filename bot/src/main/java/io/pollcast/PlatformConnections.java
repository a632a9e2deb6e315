package io.pollcast;

import io.pollcast.config.DiscordShards;
import io.pollcast.config.PollcastConfig;
import io.pollcast.config.Secrets;
import io.pollcast.discord.DiscordGateway;
import io.pollcast.domain.Platform;
import io.pollcast.metrics.PollcastMetrics;
import io.pollcast.poll.PollPublisher;
import io.pollcast.routine.LeaseKeeper;
import io.pollcast.slack.SlackBot;
import io.pollcast.text.TextRenderer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The platform adapters of a bot that runs on Discord and/or Slack, whichever have a token: built
 * before the core, which posts through their publishers; started once the core is open (Discord
 * behind the gateway's lease, Slack with the dashboard on its endpoint in HTTP mode); stopped and
 * closed in the order a clean stop needs. Used by {@link BotRunner}, one run at a time.
 */
final class PlatformConnections implements AutoCloseable {
  /** How long start-up waits for the Discord gateway before it goes on without. */
  private static final Duration DISCORD_CONNECT_WAIT = Duration.ofMinutes(2);

  private final PollcastConfig config;
  private DiscordGateway discord;
  private LeaseKeeper gatewayLease;
  private SlackBot slack;

  PlatformConnections(PollcastConfig config) {
    this.config = config;
  }

  /**
   * Builds the adapter of each platform that has a token, without connecting; {@code sessionEnded}
   * is called when Discord ends the session. What was built before a failure is still closed by
   * {@link #close}.
   *
   * @return one publisher per platform, for the core
   */
  Map<Platform, PollPublisher> build(
      Secrets secrets, TextRenderer texts, PollcastMetrics metrics, Runnable sessionEnded) {
    Map<Platform, PollPublisher> publishers = new EnumMap<>(Platform.class);
    if (secrets.discordToken().isPresent()) {
      discord =
          new DiscordGateway(
              config.discord(), secrets.discordToken().get(), texts, metrics, sessionEnded);
      publishers.put(Platform.DISCORD, discord.publisher());
    }
    if (secrets.slackBotToken().isPresent()) {
      slack = SlackBot.create(config, texts, metrics);
      publishers.put(Platform.SLACK, slack.publisher());
    }
    return publishers;
  }

  /**
   * Answers with the core's command handler: takes Discord's gateway lease (or stands by for it),
   * starts Slack and the dashboard (on Slack's endpoint in HTTP mode, else on its own server), then
   * waits for Discord's first connection, which runs meanwhile.
   *
   * @return the line that tells the operator where the bot runs
   */
  String start(Pollcast pollcast, WebFront web) throws InterruptedException {
    boolean holdingGateway = false;
    if (discord != null) {
      discord.answerWith(pollcast.handler());
      gatewayLease =
          new LeaseKeeper(
              pollcast.database().leases(),
              gatewayLease(config),
              pollcast.instance(),
              discord,
              pollcast.routines());
      holdingGateway = gatewayLease.start();
    }
    if (slack != null && slack.httpMode()) {
      slack.start(pollcast.handler(), pollcast.database().slackRequests(), web.routes(pollcast));
      web.servedAt(config.slack().bind(), slack.httpPort().orElseThrow());
    } else {
      if (slack != null) {
        slack.start(pollcast.handler(), pollcast.database().slackRequests());
      }
      web.serve(pollcast);
    }
    // Discord connects while Slack does: the wait comes after Slack's start
    Optional<String> discordName =
        holdingGateway ? discord.awaitFirstConnection(DISCORD_CONNECT_WAIT) : Optional.empty();
    return greeting(discord != null, discordName);
  }

  /**
   * The lease of the Discord gateway for the shards this process runs: of the processes sharing the
   * database that run the same shards, one is connected, the others stand by.
   */
  private static String gatewayLease(PollcastConfig config) {
    DiscordShards shards = config.discord().shards();
    return shards.sharded() ? "discord-gateway:" + shards.range() : "discord-gateway";
  }

  private static String greeting(boolean onDiscord, Optional<String> discordName) {
    if (discordName.isPresent()) {
      return "Pollcast is on Discord as " + discordName.get() + ". Stop it with Ctrl-C.";
    }
    if (onDiscord) {
      return "Pollcast stands by for Discord: another Pollcast process holds the gateway, and this"
          + " one takes over if that one stops. Stop it with Ctrl-C.";
    }
    return "Pollcast is on Slack. Stop it with Ctrl-C.";
  }

  /** The platforms' part of {@code /ready}: each platform this bot runs on is connected. */
  Map<String, BooleanSupplier> readyChecks() {
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    if (discord != null) {
      // a process standing by for another's gateway serves Slack and is ready all the same
      checks.put("discord", () -> discord.connected() || !gatewayLease.holding());
    }
    if (slack != null) {
      checks.put("slack", slack::connected);
    }
    return checks;
  }

  /** Slack stops taking deliveries and lets those in hand finish: it calls the core no more. */
  void stopDelivering() {
    if (slack != null) {
      slack.stop();
    }
  }

  /**
   * Throws if Discord refused the token or ended the session by itself.
   *
   * @throws IllegalStateException saying which
   */
  void checkSession() {
    if (discord != null) {
      discord.checkSession();
    }
  }

  /** Disconnects Slack and Discord and lets go of the gateway's lease. */
  @Override
  public void close() {
    if (slack != null) {
      slack.close();
    }
    if (discord != null) {
      discord.close();
    }
    if (gatewayLease != null) {
      gatewayLease.close();
    }
  }
}
