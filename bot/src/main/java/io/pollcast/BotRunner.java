package io.pollcast;

import io.pollcast.config.PollcastConfig;
import io.pollcast.config.Secrets;
import io.pollcast.console.ConsoleChat;
import io.pollcast.console.ConsoleOutput;
import io.pollcast.console.ConsolePublisher;
import io.pollcast.discord.DiscordBot;
import io.pollcast.discord.DiscordInteractions;
import io.pollcast.feed.FeedWatcher;
import io.pollcast.poll.Platform;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.VoterKeys;
import io.pollcast.slack.SlackBot;
import io.pollcast.storage.BotLock;
import io.pollcast.text.TextRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Runs the bot: on every platform that has credentials, or, with none, the console chat on this
 * terminal. Blocks until the bot stops.
 */
public final class BotRunner {
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
      if (secrets.discordToken().isPresent() || secrets.slackBotToken().isPresent()) {
        runPlatforms(secrets, out);
        return;
      }
      runConsole(in, out);
    }
  }

  /**
   * Runs on Discord and/or Slack, whichever have tokens, until the process is stopped (or Discord
   * ends the session); stops taking requests before the core closes.
   */
  private void runPlatforms(Secrets secrets, PrintStream out) {
    TextRenderer texts = Pollcast.texts(config);
    byte[] key = VoterKeys.load(config.privacy(), secrets);
    DiscordBot discord = null;
    SlackBot slack = null;
    ShutdownSignal signal = secrets.discordToken().isPresent() ? null : ShutdownSignal.install();
    try {
      Map<Platform, PollPublisher> publishers = new EnumMap<>(Platform.class);
      if (secrets.discordToken().isPresent()) {
        discord = DiscordBot.connect(config.discord(), secrets.discordToken().get(), texts);
        publishers.put(Platform.DISCORD, discord.publisher());
      }
      if (secrets.slackBotToken().isPresent()) {
        slack = SlackBot.create(config);
        publishers.put(Platform.SLACK, slack.publisher());
      }
      try (Pollcast pollcast = Pollcast.open(config, key, clock, publishers)) {
        startServing(pollcast);
        if (slack != null) {
          slack.start(pollcast);
        }
        awaitStop(discord, signal, pollcast, out);
        if (slack != null) {
          slack.stop();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (slack != null) {
        slack.close();
      }
      if (discord != null) {
        discord.close();
      }
      if (signal != null) {
        signal.done();
      }
    }
  }

  /**
   * Imports the bundled example into an empty database, starts closing polls when due and, when a
   * feed is set, following it.
   */
  private static void startServing(Pollcast pollcast) {
    BundledEpisodes.importIfEmpty(pollcast.service());
    pollcast.scheduler().start();
    pollcast.feed().ifPresent(FeedWatcher::start);
  }

  private static void awaitStop(
      DiscordBot discord, ShutdownSignal signal, Pollcast pollcast, PrintStream out)
      throws InterruptedException {
    if (discord == null) {
      out.println("Pollcast is on Slack. Stop it with Ctrl-C.");
      signal.await();
      return;
    }
    out.println("Pollcast is on Discord as " + discord.name() + ". Stop it with Ctrl-C.");
    DiscordInteractions interactions = discord.listen(pollcast.handler());
    try {
      discord.awaitStop();
    } finally {
      interactions.close();
    }
  }

  private void runConsole(InputStream in, PrintStream out) throws IOException {
    ConsoleOutput output = new ConsoleOutput(out);
    TextRenderer texts = Pollcast.texts(config);
    byte[] key = VoterKeys.load(config.privacy(), config.secrets());
    try (Pollcast pollcast =
        Pollcast.open(
            config,
            key,
            clock,
            Map.of(
                Platform.CONSOLE,
                new ConsolePublisher(output, texts, config.console().chartDir())))) {
      startServing(pollcast);
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      new ConsoleChat(config.console(), pollcast.handler(), texts, output)
          .run(reader, pollcast.service().episodes());
    }
  }
}
