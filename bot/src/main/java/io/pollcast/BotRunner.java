package io.pollcast;

import io.pollcast.admin.AdminServer;
import io.pollcast.config.PollcastConfig;
import io.pollcast.config.Secrets;
import io.pollcast.console.ConsoleChat;
import io.pollcast.console.ConsoleOutput;
import io.pollcast.console.ConsolePublisher;
import io.pollcast.domain.EpisodeSummary;
import io.pollcast.domain.Platform;
import io.pollcast.metrics.PollcastMetrics;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.VoterKeys;
import io.pollcast.storage.BotLock;
import io.pollcast.text.TextRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * connections close, and the database closes last. The platform adapters are in {@link
 * PlatformConnections}, the dashboard in {@link WebFront}, the console chat in {@link
 * ConsoleChatThread}.
 */
public final class BotRunner {
  private static final Logger LOG = LoggerFactory.getLogger(BotRunner.class);

  /** What closing takes beside the grace: platforms' own waits, the last batch of votes. */
  private static final Duration CLOSE_MARGIN = Duration.ofSeconds(30);

  /** How long {@code /ready} waits for the database. */
  private static final Duration READY_WAIT = Duration.ofSeconds(2);

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
    PlatformConnections platforms = new PlatformConnections(config);
    Pollcast pollcast = null;
    AdminServer admin = null;
    PollcastMetrics metrics = new PollcastMetrics();
    WebFront web = new WebFront(config.web(), clock);
    try {
      Map<Platform, PollPublisher> publishers =
          platforms.build(secrets, texts, metrics, signal::stop);
      pollcast = Pollcast.open(config, key, clock, publishers, metrics, web.links());
      BundledEpisodes.importIfEmpty(pollcast.service());
      out.println(platforms.start(pollcast, web));
      pollcast.startRoutines();
      admin = admin(pollcast, platforms.readyChecks());
      signal.await();
      finishInHand(pollcast, signal, out);
      web.close(); // before the Slack endpoint's server, which may serve the dashboard
      platforms.stopDelivering();
      pollcast.scheduler().close();
      platforms.checkSession();
    } finally {
      platforms.close();
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

  /** Runs the console chat on this terminal until its input ends or the process is stopped. */
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
      BundledEpisodes.importIfEmpty(pollcast.service());
      pollcast.startRoutines();
      boolean dashboard = web.serve(pollcast);
      admin = admin(pollcast, Map.of());
      List<EpisodeSummary> episodes = pollcast.service().episodes();
      ConsoleChat chat = new ConsoleChat(config.console(), pollcast.handler(), texts, output);
      ConsoleChatThread chatting =
          ConsoleChatThread.start(chat, in, episodes, dashboard, signal::stop);
      signal.await();
      finishInHand(pollcast, signal, out);
      pollcast.scheduler().close();
      chatting.rethrowIfEnded();
    } finally {
      if (admin != null) {
        admin.close();
      }
      web.close();
      pollcast.close();
      stopped(signal, out);
    }
  }

  /**
   * Starts the health and metrics endpoints if {@code pollcast.admin.port} is set: ready while the
   * database answers, interactions are taken and each of {@code platformChecks} holds.
   */
  private AdminServer admin(Pollcast pollcast, Map<String, BooleanSupplier> platformChecks) {
    if (config.admin().port().isEmpty()) {
      return null;
    }
    Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
    checks.put("database", () -> pollcast.database().answers(READY_WAIT));
    checks.put("interactions", () -> !pollcast.gate().isClosed());
    checks.putAll(platformChecks);
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
}
