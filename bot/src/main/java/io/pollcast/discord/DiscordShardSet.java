package io.pollcast.discord;

import io.pollcast.config.DiscordConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.attribute.IGuildChannelContainer;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.SessionController;
import okhttp3.OkHttpClient;

/**
 * The gateway sessions this process runs: one JDA for an unsharded bot (the default), or JDA's
 * {@link ShardManager} with the range of shards that {@code pollcast.discord.shards} gives this
 * process. Either way the bot finds channels in any of its shards and answers interactions from all
 * of them.
 */
final class DiscordShardSet {
  private final List<JDA> shards;
  private final Optional<ShardManager> manager;
  private final IGuildChannelContainer<Channel> channels;
  private final CountDownLatch ready;

  private DiscordShardSet(
      List<JDA> shards,
      Optional<ShardManager> manager,
      IGuildChannelContainer<Channel> channels,
      CountDownLatch ready) {
    this.shards = shards;
    this.manager = manager;
    this.channels = channels;
    this.ready = ready;
  }

  /** Logs in every shard this process runs, without waiting for them. */
  static DiscordShardSet login(
      DiscordConfig config,
      String token,
      SessionController gateway,
      RestConfig rest,
      OkHttpClient.Builder http,
      EventListener watch) {
    if (!config.shards().sharded()) {
      JDA jda =
          JDABuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
              .setRestConfig(rest)
              .setSessionController(gateway)
              .setHttpClientBuilder(http)
              .setEnableShutdownHook(false)
              .addEventListeners(watch)
              .build();
      return new DiscordShardSet(List.of(jda), Optional.empty(), jda, new CountDownLatch(0));
    }
    // the shard manager starts its shards one after another: each counts down once ready, or
    // once it ended without (a refused token)
    CountDownLatch ready = new CountDownLatch(config.shards().last() - config.shards().first() + 1);
    EventListener readyCount =
        event -> {
          if (event instanceof ReadyEvent || event instanceof ShutdownEvent) {
            ready.countDown();
          }
        };
    ShardManager manager =
        DefaultShardManagerBuilder.createLight(token, EnumSet.noneOf(GatewayIntent.class))
            .setShardsTotal(config.shards().total())
            .setShards(config.shards().first(), config.shards().last())
            .setRestConfig(rest)
            .setSessionController(gateway)
            .setHttpClientBuilder(http)
            .setEnableShutdownHook(false)
            .addEventListeners(watch, readyCount)
            .build();
    return new DiscordShardSet(List.of(), Optional.of(manager), manager, ready);
  }

  /** Waits until every shard has received its guilds. */
  void awaitReady() throws InterruptedException {
    ready.await();
    for (JDA jda : all()) {
      if (jda.getStatus() == JDA.Status.SHUTDOWN) {
        throw new IllegalStateException(
            "Discord ended the session of shard " + jda.getShardInfo().getShardString());
      }
      jda.awaitReady();
    }
  }

  /** Every shard this process runs, lowest first. */
  List<JDA> all() {
    return manager
        .map(m -> m.getShards().stream().sorted(DiscordShardSet::byShardId).toList())
        .orElse(shards);
  }

  /** Where the channels of every shard are found. */
  IGuildChannelContainer<Channel> channels() {
    return channels;
  }

  /** Disconnects every shard, waiting at most {@code wait} for each. */
  void shutdown(Duration wait) {
    if (manager.isPresent()) {
      // each shard first, then the manager with the threads the shards share
      List<JDA> running = all();
      running.forEach(JDA::shutdown);
      awaitShutdown(running, wait);
      manager.get().shutdown();
      return;
    }
    for (JDA jda : shards) {
      jda.shutdown();
    }
    awaitShutdown(shards, wait);
  }

  /** Disconnects at once. */
  void shutdownNow() {
    manager.ifPresent(ShardManager::shutdown);
    shards.forEach(JDA::shutdownNow);
  }

  private static void awaitShutdown(List<JDA> running, Duration wait) {
    try {
      for (JDA jda : running) {
        if (!jda.awaitShutdown(wait)) {
          jda.shutdownNow();
        }
      }
    } catch (InterruptedException e) {
      running.forEach(JDA::shutdownNow);
      Thread.currentThread().interrupt();
    }
  }

  private static int byShardId(JDA a, JDA b) {
    return Integer.compare(a.getShardInfo().getShardId(), b.getShardInfo().getShardId());
  }
}
