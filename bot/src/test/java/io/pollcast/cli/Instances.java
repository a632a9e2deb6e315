package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.TestSettings;
import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.slack.fake.FakeSlack;
import io.pollcast.slack.fake.HttpModeRequests;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.storage.Await;
import io.pollcast.storage.Engine;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pollcast bot processes (child JVMs, started as a user starts them) sharing one PostgreSQL schema,
 * one fake Discord and one fake Slack, each process serving Slack in HTTP mode on a port of its
 * own, as behind a load balancer. For the failover test and its benchmark.
 */
final class Instances implements AutoCloseable {
  static final String HOST_ROLE_ID = "1200000000000000001";
  static final String SLACK_HOST = "U0HOST";
  static final String SLACK_CHANNEL = FakeSlack.DEFAULT_CHANNEL;
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SIGNING_SECRET = "pollcast-instances-signing-secret";

  final FakeGuild guild;
  final FakeDiscord discord;
  final FakeSlack slack;
  final HttpModeRequests slackRequests;
  final Map<String, String> env;
  private final Path dir;
  private final List<Bot> bots = new ArrayList<>();

  /** One bot process and the port its Slack endpoint listens on. */
  record Bot(BotProcess process, int slackPort) {
    URI slackEndpoint() {
      return URI.create("http://127.0.0.1:" + slackPort + "/slack/events");
    }

    /** Whether it said it is connected to Discord, at start-up or when it took over. */
    boolean onDiscord() {
      // the log goes to standard output or error, depending on the logging set-up in use
      return process.out().stream().anyMatch(DiscordLines::onDiscord)
          || process.err().stream().anyMatch(DiscordLines::onDiscord);
    }
  }

  /** The lines by which a bot process says it is connected to Discord. */
  private static final class DiscordLines {
    static boolean onDiscord(String line) {
      return line.startsWith("Pollcast is on Discord") || line.contains("Connected to the Discord");
    }
  }

  private Instances(FakeGuild guild, FakeDiscord discord, FakeSlack slack, Path dir) {
    this.guild = guild;
    this.discord = discord;
    this.slack = slack;
    this.dir = dir;
    this.slackRequests = new HttpModeRequests(slack, SIGNING_SECRET);
    Map<String, String> settings = new HashMap<>(TestSettings.env(Engine.POSTGRESQL, dir));
    settings.put("CONFIG_FORCE_pollcast_language", "en");
    settings.put("DISCORD_TOKEN", discord.botToken());
    settings.put("CONFIG_FORCE_pollcast_discord_rest__url", discord.restBaseUrl());
    settings.put("CONFIG_FORCE_pollcast_discord_gateway__url", discord.gatewayUrl());
    settings.put("CONFIG_FORCE_pollcast_discord_host__roles_0", HOST_ROLE_ID);
    settings.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    settings.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    settings.put("CONFIG_FORCE_pollcast_slack_mode", "http");
    settings.put("CONFIG_FORCE_pollcast_slack_api__url", slack.apiUrl());
    settings.put("CONFIG_FORCE_pollcast_slack_host__users_0", SLACK_HOST);
    this.env = Map.copyOf(settings);
  }

  /** A guild with a host ({@code hana}) and {@code voters} listeners ({@code voter0}, ...). */
  static Instances start(Path dir, int voters) throws IOException {
    FakeGuild.Builder builder = FakeGuild.builder().role("Showrunner", HOST_ROLE_ID);
    builder.member("hana", "Showrunner");
    for (int i = 0; i < voters; i++) {
      builder.member("voter" + i);
    }
    FakeGuild guild = builder.build();
    FakeDiscord discord = FakeDiscord.start(guild, Duration.ofSeconds(30));
    try {
      return new Instances(guild, discord, FakeSlack.start(), dir);
    } catch (IOException | RuntimeException e) {
      discord.close();
      throw e;
    }
  }

  /**
   * Starts another bot process and waits until it is connected to Discord or stands by for another.
   */
  Bot startBot() throws IOException {
    int port = freePort();
    Map<String, String> own = new HashMap<>(env);
    own.put("CONFIG_FORCE_pollcast_slack_port", Integer.toString(port));
    Bot bot = new Bot(BotProcess.start(own, dir, "run"), port);
    bots.add(bot);
    bot.process()
        .awaitOut(
            line -> line.startsWith("Pollcast is on Discord") || line.startsWith("Pollcast stands"),
            1,
            "the bot on Discord or standing by");
    return bot;
  }

  /** The Slack messages with buttons in the channel: the polls posted there. */
  List<SlackMessage> slackPolls(int count) {
    Await.until(
        WAIT,
        () -> slack.workspace().messages(SLACK_CHANNEL).size() >= count,
        () -> "Slack polls: " + slack.workspace().messages(SLACK_CHANNEL));
    return slack.workspace().messages(SLACK_CHANNEL).subList(0, count);
  }

  /** The one private answer posted to {@code responseUrl}, once it is there. */
  String slackAnswer(String responseUrl) {
    Await.until(
        WAIT,
        () -> !slack.workspace().responsePosts(responseUrl).isEmpty(),
        () -> "an answer at " + responseUrl);
    List<io.pollcast.slack.fake.Workspace.ResponsePost> posts =
        slack.workspace().responsePosts(responseUrl);
    assertThat(posts).hasSize(1);
    return posts.get(0).body().path("text").asText();
  }

  /** The value of the button {@code actionId} of a Slack poll message. */
  static String buttonValue(SlackMessage message, String actionId) {
    for (JsonNode block : message.blocks()) {
      for (JsonNode element : block.path("elements")) {
        if (actionId.equals(element.path("action_id").asText())) {
          return element.path("value").asText();
        }
      }
    }
    throw new IllegalArgumentException("No button " + actionId + " in " + message);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (Bot bot : bots) {
      bot.process().close();
    }
    slack.close();
    discord.close();
  }
}
