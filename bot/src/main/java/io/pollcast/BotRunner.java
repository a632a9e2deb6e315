package io.pollcast;

import io.pollcast.config.PollcastConfig;
import io.pollcast.config.Secrets;
import io.pollcast.console.ConsoleChat;
import io.pollcast.console.ConsoleOutput;
import io.pollcast.console.ConsolePublisher;
import io.pollcast.poll.Platform;
import io.pollcast.poll.VoterKeys;
import io.pollcast.slack.SlackBot;
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
    if (secrets.discordToken().isPresent()) {
      throw new IllegalStateException(
          "Discord is not available in this build; unset DISCORD_TOKEN.");
    }
    if (secrets.slackBotToken().isPresent()) {
      runSlack();
      return;
    }
    runConsole(in, out);
  }

  /** Runs on Slack until the process is stopped; stops Slack before the core closes. */
  private void runSlack() {
    ShutdownSignal signal = ShutdownSignal.install();
    byte[] key = VoterKeys.load(config.privacy(), config.secrets());
    try (SlackBot slack = SlackBot.create(config);
        Pollcast pollcast =
            Pollcast.open(config, key, clock, Map.of(Platform.SLACK, slack.publisher()))) {
      BundledEpisodes.importIfEmpty(pollcast.service());
      slack.start(pollcast);
      signal.await();
      slack.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      signal.done();
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
      BundledEpisodes.importIfEmpty(pollcast.service());
      pollcast.scheduler().start();
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      new ConsoleChat(config.console(), pollcast.handler(), texts, output)
          .run(reader, pollcast.service().episodes());
    }
  }
}
