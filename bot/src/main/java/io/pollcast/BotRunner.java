package io.pollcast;

import io.pollcast.config.PollcastConfig;
import io.pollcast.config.Secrets;
import io.pollcast.console.ConsoleChat;
import io.pollcast.console.ConsoleOutput;
import io.pollcast.console.ConsolePublisher;
import io.pollcast.discord.DiscordBot;
import io.pollcast.discord.DiscordInteractions;
import io.pollcast.poll.Platform;
import io.pollcast.poll.VoterKeys;
import io.pollcast.text.TextRenderer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

  /** Runs until the input ends (console) or the process is stopped (platforms). */
  public void run(InputStream in, PrintStream out) throws IOException {
    Secrets secrets = config.secrets();
    if (secrets.slackBotToken().isPresent()) {
      throw new IllegalStateException(
          "Slack is not available in this build; unset SLACK_BOT_TOKEN to go on without it.");
    }
    if (secrets.discordToken().isPresent()) {
      runDiscord(secrets.discordToken().get(), out);
      return;
    }
    runConsole(in, out);
  }

  private void runDiscord(String token, PrintStream out) {
    TextRenderer texts = Pollcast.texts(config);
    byte[] key = VoterKeys.load(config.privacy(), config.secrets());
    try (DiscordBot discord = DiscordBot.connect(config.discord(), token, texts);
        Pollcast pollcast =
            Pollcast.open(config, key, clock, Map.of(Platform.DISCORD, discord.publisher()))) {
      BundledEpisodes.importIfEmpty(pollcast.service());
      DiscordInteractions interactions = discord.listen(pollcast.handler());
      try (interactions) {
        out.println("Pollcast is on Discord as " + discord.name() + ". Stop it with Ctrl-C.");
        discord.awaitStop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runConsole(InputStream in, PrintStream out) throws IOException {
    ConsoleOutput output = new ConsoleOutput(out);
    TextRenderer texts = Pollcast.texts(config);
    byte[] key = VoterKeys.load(config.privacy(), config.secrets());
    try (Pollcast pollcast =
        Pollcast.open(
            config, key, clock, Map.of(Platform.CONSOLE, new ConsolePublisher(output, texts)))) {
      BundledEpisodes.importIfEmpty(pollcast.service());
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      new ConsoleChat(config.console(), pollcast.handler(), texts, output)
          .run(reader, pollcast.service().episodes());
    }
  }
}
