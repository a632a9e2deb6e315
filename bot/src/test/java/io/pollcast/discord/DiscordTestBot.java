package io.pollcast.discord;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.discord.fake.ErrorLogCapture;
import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.domain.Platform;
import io.pollcast.metrics.PollcastMetrics;
import io.pollcast.text.Messages;
import io.pollcast.web.DashboardLinks;
import io.pollcast.web.LinkSigner;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pollcast on a fake Discord, wired as {@code BotRunner} wires it: {@link DiscordBot#connect} →
 * {@link Pollcast#open} with the Discord publisher → {@link DiscordBot#listen}, on a fresh
 * in-memory database holding the bundled episode 68. Closing it fails the test if anything logged
 * an error (JDA reports failed requests and listener exceptions only in its log).
 */
final class DiscordTestBot implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();

  /** Where the links of /poll dashboard point. */
  static final String DASHBOARD = "http://127.0.0.1:1";

  final FakeDiscord discord;
  final Pollcast pollcast;
  private final ErrorLogCapture errors;
  private final DiscordBot bot;
  private final DiscordInteractions interactions;

  private DiscordTestBot(
      FakeDiscord discord,
      ErrorLogCapture errors,
      DiscordBot bot,
      Pollcast pollcast,
      DiscordInteractions interactions) {
    this.discord = discord;
    this.errors = errors;
    this.bot = bot;
    this.pollcast = pollcast;
    this.interactions = interactions;
  }

  /**
   * Starts a fake serving {@code guild} and connects Pollcast to it.
   *
   * @param replyDeadline how late the fake still accepts an answer to an interaction
   * @param env configuration overrides, as {@code CONFIG_FORCE_...} variables; without a storage
   *     URL, a new database in memory
   */
  static DiscordTestBot start(FakeGuild guild, Duration replyDeadline, Map<String, String> env)
      throws IOException, InterruptedException {
    return start(guild, replyDeadline, env, Clock.systemUTC());
  }

  /** As {@link #start(FakeGuild, Duration, Map)}, with the core on {@code clock}. */
  static DiscordTestBot start(
      FakeGuild guild, Duration replyDeadline, Map<String, String> env, Clock clock)
      throws IOException, InterruptedException {
    FakeDiscord discord = FakeDiscord.start(guild, replyDeadline);
    ErrorLogCapture errors = ErrorLogCapture.attach();
    Map<String, String> settings = new HashMap<>(env);
    settings.put("CONFIG_FORCE_pollcast_discord_rest__url", discord.restBaseUrl());
    settings.put("CONFIG_FORCE_pollcast_discord_gateway__url", discord.gatewayUrl());
    // A lock timeout long enough for a test to hold up the vote writer on purpose.
    settings.putIfAbsent(
        "CONFIG_FORCE_pollcast_storage_url",
        "jdbc:h2:mem:discord-test-"
            + DATABASES.incrementAndGet()
            + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    settings.put("POLLCAST_VOTER_KEY", TestSettings.VOTER_KEY);
    PollcastConfig config = ConfigLoader.load(Optional.empty(), settings);
    DiscordBot bot = null;
    Pollcast pollcast = null;
    PollcastMetrics metrics = new PollcastMetrics();
    try {
      bot =
          DiscordBot.connect(config.discord(), discord.botToken(), Pollcast.texts(config), metrics);
      pollcast =
          Pollcast.open(
              config,
              TestSettings.key(),
              clock,
              Map.of(Platform.DISCORD, bot.publisher()),
              metrics,
              links());
      BundledEpisodes.importIfEmpty(pollcast.service());
      DiscordInteractions interactions = bot.listen(pollcast.handler());
      return new DiscordTestBot(discord, errors, bot, pollcast, interactions);
    } catch (InterruptedException | RuntimeException | Error e) {
      if (pollcast != null) {
        pollcast.close();
      }
      if (bot != null) {
        bot.close();
      }
      errors.detach();
      discord.close();
      throw e;
    }
  }

  /** Links as the dashboard hands them out, to an address where nothing needs to listen. */
  private static DashboardLinks links() {
    DashboardLinks links =
        new DashboardLinks(
            new LinkSigner(TestSettings.key(), Clock.systemUTC()),
            Duration.ofHours(12),
            Clock.systemUTC());
    links.serveAt(DASHBOARD);
    return links;
  }

  /** The shared texts, in the configured language. */
  Messages messages() {
    return pollcast.texts().messages();
  }

  /** The texts only Discord uses. */
  Messages discordTexts() {
    return DiscordBot.discordTexts(pollcast.texts());
  }

  /** Closes in the order BotRunner does, then fails if an error was logged. */
  @Override
  public void close() {
    try {
      interactions.close();
      pollcast.close();
      bot.close();
    } finally {
      errors.detach();
      discord.close();
    }
    if (!errors.errors().isEmpty()) {
      throw new AssertionError("Errors were logged:\n" + String.join("\n", errors.errors()));
    }
  }
}
