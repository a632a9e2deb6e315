package io.pollcast;

import io.pollcast.admin.AdminServer;
import io.pollcast.config.DiscordShards;
import io.pollcast.config.PollcastConfig;
import io.pollcast.config.Secrets;
import io.pollcast.console.ConsoleChat;
import io.pollcast.console.ConsoleOutput;
import io.pollcast.console.ConsolePublisher;
import io.pollcast.discord.DiscordGateway;
import io.pollcast.domain.EpisodeSummary;
import io.pollcast.domain.Platform;
import io.pollcast.feed.FeedWatcher;
import io.pollcast.metrics.PollcastMetrics;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.VoterKeys;
import io.pollcast.routine.LeaseKeeper;
import io.pollcast.routine.Routine;
import io.pollcast.slack.SlackBot;
import io.pollcast.storage.BotLock;
import io.pollcast.text.TextRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the bot: on every platform that has credentials, or, with none, the console chat on this
 * terminal. Blocks until the bot stops.
 *
 * <p>A stop (SIGTERM, Ctrl-C, the console's input ending, Discord ending the session) goes in
 * order: new commands and clicks are turned away, those in hand finish (at most {@code
 * pollcast.shutdown-grace}), the platforms stop delivering, the scheduler stops, the platform
 * connections close, and the database closes last.
 */
public final class BotRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BotRunner.class);

  /** What closing takes beside the grace: platforms' own waits, the last batch of votes. */
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(30);

  /** How long start-up waits for the Discord gateway before it goes on without. */
  private static final Duration DISCORD_CONNECT_WAIT = Duration.ofMinutes(2);

  /** How long {@code /ready} waits for the database. */
  private static final Duration READY_WAIT = Duration.ofSeconds(2);

  /** How often the bot looks whether its H2 file is due for a compaction. */
  private static final Duration COMPACTION_CHECK = Duration.ofMinutes(1);

  private final PollcastConfig config;
  private final Clock clock;

  public BotRunner(PollcastConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Runs until the input ends (console) or the process is stopped (platforms).
   *
   * @throws io.pollcast.storage.StorageException if another bot runs on the same H2 file
   */
  public void run(InputStream in, PrintStream out) throws IOException {
    Secrets secrets = config.secrets();
    try (BotLock lock = BotLock.acquire(config.storage().url())) {
      ShutdownSignal signal = ShutdownSignal.install(config.shutdownGrace().plus(CLOSE_MARGIN));
      try {
        if (secrets.discordToken().isPresent() || secrets.slackBotToken().isPresent()) {
          runPlatforms(secrets, signal, out);
        } else {
          runConsole(in, signal, out);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        signal.done();
      }
    }
  }

  /**
   * Runs on Discord and/or Slack, whichever have tokens, until the process is stopped (or Discord
   * ends the session).
   */
  private void runPlatforms(Secrets secrets, ShutdownSignal signal, PrintStream out)
      throws InterruptedException {
    TextRenderer texts = Pollcast.texts(config);
    byte[] key = VoterKeys.load(config.privacy(), secrets);
    DiscordGateway discord = null;
    LeaseKeeper gatewayLease = null;
    SlackBot slack = null;
    Pollcast pollcast = null;
    AdminServer admin = null;
    PollcastMetrics metrics = new PollcastMetrics();
    WebFront web = new WebFront(config.web(), clock);
    try {
      Map<Platform, PollPublisher> publishers = new EnumMap<>(Platform.class);
      if (secrets.discordToken().isPresent()) {
        discord =
            new DiscordGateway(
                config.discord(), secrets.discordToken().get(), texts, metrics, signal::stop);
        publishers.put(Platform.DISCORD, discord.publisher());
      }
      if (secrets.slackBotToken().isPresent()) {
        slack = SlackBot.create(config, texts, metrics);
        publishers.put(Platform.SLACK, slack.publisher());
      }
      pollcast = Pollcast.open(config, key, clock, publishers, metrics, web.links());
      BundledEpisodes.importIfEmpty(pollcast.service());
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
      out.println(greeting(discord != null, discordName));
      startRoutines(pollcast);
      admin = admin(pollcast, discord, gatewayLease, slack);
      signal.await();
      finishInHand(pollcast, signal, out);
      web.close(); // before the Slack endpoint's server, which may serve the dashboard
      if (slack != null) {
        slack.stop();
      }
      pollcast.scheduler().close();
      if (discord != null) {
        discord.checkSession();
      }
    } finally {
      if (slack != null) {
        slack.close();
      }
      if (discord != null) {
        discord.close();
      }
      if (gatewayLease != null) {
        gatewayLease.close();
      }
      if (admin != null) {
        admin.close();
      }
      web.close();
      if (pollcast != null) {
        pollcast.close();
        stopped(signal, out);
      } else {
        metrics.close();
      }
    }
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

  /**
   * Imports the bundled example into an empty database, starts closing polls when due and, when a
   * feed is set, following it.
   */
  private static void startServing(Pollcast pollcast) {
    BundledEpisodes.importIfEmpty(pollcast.service());
    startRoutines(pollcast);
  }

  /**
   * Starts closing polls when due, following the feed when one is set and, on an H2 file,
   * compacting it when the bot sits idle.
   */
  private static void startRoutines(Pollcast pollcast) {
    pollcast.scheduler().start();
    pollcast.feed().ifPresent(FeedWatcher::start);
    pollcast
        .database()
        .h2Compaction()
        .ifPresent(
            compaction ->
                pollcast
                    .routines()
                    .start(
                        Routine.every(
                            "H2 compaction", COMPACTION_CHECK, compaction::compactIfIdleAndGrown)));
  }

  /**
   * Starts the health and metrics endpoints if {@code pollcast.admin.port} is set: ready while the
   * database answers, each platform is connected and interactions are taken.
   */
  private AdminServer admin(
      Pollcast pollcast, DiscordGateway discord, LeaseKeeper gatewayLease, SlackBot slack) {
    if (config.admin().port().isEmpty()) {
      return null;
    }
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put("database", () -> pollcast.database().answers(READY_WAIT));
    checks.put("interactions", () -> !pollcast.gate().isClosed());
    if (discord != null) {
      // a process standing by for another's gateway serves Slack and is ready all the same
      checks.put("discord", () -> discord.connected() || !gatewayLease.holding());
    }
    if (slack != null) {
      checks.put("slack", slack::connected);
    }
    return AdminServer.start(
        config.admin(), config.admin().port().getAsInt(), pollcast.metrics(), checks);
  }

  /** Turns new interactions away and waits, at most the grace, for those in hand. */
  private void finishInHand(Pollcast pollcast, ShutdownSignal signal, PrintStream out)
      throws InterruptedException {
    pollcast.gate().close();
    if (signal.byProcess()) {
      out.println(
          "Stopping: finishing "
              + pollcast.gate().inHand()
              + " command(s) and vote(s) in hand (at most "
              + config.shutdownGrace().toSeconds()
              + " s).");
      out.flush();
    }
    if (!pollcast.gate().awaitIdle(config.shutdownGrace())) {
      LOG.warn(
          "Stopping with {} command(s) or vote(s) still in hand after pollcast.shutdown-grace ({})",
          pollcast.gate().inHand(),
          config.shutdownGrace());
    }
  }

  private static void stopped(ShutdownSignal signal, PrintStream out) {
    if (signal.byProcess()) {
      out.println("Pollcast stopped.");
      out.flush();
    }
  }

  private void runConsole(InputStream in, ShutdownSignal signal, PrintStream out)
      throws IOException, InterruptedException {
    ConsoleOutput output = new ConsoleOutput(out);
    TextRenderer texts = Pollcast.texts(config);
    byte[] key = VoterKeys.load(config.privacy(), config.secrets());
    WebFront web = new WebFront(config.web(), clock);
    Pollcast pollcast =
        Pollcast.open(
            config,
            key,
            clock,
            Map.of(
                Platform.CONSOLE, new ConsolePublisher(output, texts, config.console().chartDir())),
            web.links());
    AdminServer admin = null;
    try {
      startServing(pollcast);
      boolean dashboard = web.serve(pollcast);
      admin = admin(pollcast, null, null, null);
      List<EpisodeSummary> episodes = pollcast.service().episodes();
      ConsoleChat chat = new ConsoleChat(config.console(), pollcast.handler(), texts, output);
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      CompletableFuture<Void> chatting = new CompletableFuture<>();
      // A daemon thread: a stop by signal must not wait for a line that may never come.
      Thread thread =
          new Thread(
              () -> {
                try {
                  chat.run(reader, episodes, dashboard);
                  chatting.complete(null);
                } catch (IOException | RuntimeException e) {
                  chatting.completeExceptionally(e);
                } finally {
                  signal.stop();
                }
              },
              "pollcast-console");
      thread.setDaemon(true);
      thread.start();
      signal.await();
      finishInHand(pollcast, signal, out);
      pollcast.scheduler().close();
      if (chatting.isDone()) {
        rethrow(chatting);
      }
    } finally {
      if (admin != null) {
        admin.close();
      }
      web.close();
      pollcast.close();
      stopped(signal, out);
    }
  }

  private static void rethrow(CompletableFuture<Void> chatting)
      throws IOException, InterruptedException {
    try {
      chatting.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException(new IOException(e.getCause()));
    }
  }
}
