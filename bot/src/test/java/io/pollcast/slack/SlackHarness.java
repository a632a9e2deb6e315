package io.pollcast.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.chart.ResultsChartRenderer;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.importer.EpisodeFileReader;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.metrics.PollcastMetrics;
import io.pollcast.poll.ImportReport;
import io.pollcast.slack.fake.Delivery;
import io.pollcast.slack.fake.FakeSlack;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.slack.fake.Workspace;
import io.pollcast.storage.Await;
import io.pollcast.web.Dashboard;
import io.pollcast.web.DashboardLinks;
import io.pollcast.web.LinkSigner;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real {@link SlackBot}, with the real core on an in-memory H2, connected to a {@link
 * FakeSlack} in Socket Mode or HTTP mode. Users act through the fake; tests read what the bot
 * posted from the fake's workspace and call journal. Hosts: {@link #HOST}; moderators: the members
 * of the user group {@link #MODERATORS}, that is {@link #MODERATOR}. Texts are in English.
 */
final class SlackHarness implements AutoCloseable {
  static final String HOST = "U0HOST";
  static final String MODERATOR = "U0MOD";
  static final String MODERATORS = "S0MODS";
  static final String SIGNING_SECRET = "pollcast-test-signing-secret";

  private static final AtomicInteger DATABASES = new AtomicInteger();

  final FakeSlack slack;
  final Pollcast pollcast;
  final SlackBot bot;

  /** The rate-limit waits the bot asked for; none of them is waited out for real. */
  final RecordedWaits rateLimitWaits = new RecordedWaits();

  private final Dashboard dashboard;
  private final PollcastConfig config;
  private final boolean ownsSlack;

  private SlackHarness(FakeSlack slack, PollcastConfig config) {
    this(slack, config, true, Clock.systemUTC());
  }

  private SlackHarness(FakeSlack slack, PollcastConfig config, boolean ownsSlack, Clock clock) {
    this.slack = slack;
    this.config = config;
    this.ownsSlack = ownsSlack;
    slack.workspace().setUserGroup(MODERATORS, List.of(MODERATOR));
    PollcastMetrics metrics = new PollcastMetrics();
    SlackBot created = SlackBot.create(config, Pollcast.texts(config), metrics, rateLimitWaits);
    Pollcast opened = null;
    // in HTTP mode the endpoint's server serves the dashboard too, as in BotRunner
    LinkSigner signer = new LinkSigner(TestSettings.key(), Clock.systemUTC());
    DashboardLinks links = new DashboardLinks(signer, Duration.ofHours(12), Clock.systemUTC());
    Dashboard pages = null;
    try {
      opened =
          Pollcast.open(
              config,
              TestSettings.key(),
              clock,
              Map.of(Platform.SLACK, created.publisher()),
              metrics,
              links);
      if (created.httpMode()) {
        pages =
            new Dashboard(
                opened.service(),
                opened.reasons(),
                opened.texts(),
                new ResultsChartRenderer(opened.texts().messages()),
                signer,
                clock,
                false);
        created.start(opened.handler(), opened.database().slackRequests(), pages.routes());
        links.serveAt("http://127.0.0.1:" + created.httpPort().orElseThrow());
      } else {
        created.start(opened.handler(), opened.database().slackRequests());
      }
    } catch (RuntimeException e) {
      if (pages != null) {
        pages.close();
      }
      created.stop();
      if (opened != null) {
        opened.close();
      }
      created.close();
      throw e;
    }
    this.bot = created;
    this.pollcast = opened;
    this.dashboard = pages;
  }

  /** A bot in Socket Mode, connected when this returns. */
  static SlackHarness socketMode(boolean liveResults) throws IOException {
    return socketMode(liveResults, Clock.systemUTC());
  }

  /** As {@link #socketMode(boolean)}, with the core on {@code clock}. */
  static SlackHarness socketMode(boolean liveResults, Clock clock) throws IOException {
    FakeSlack slack = FakeSlack.start();
    Map<String, String> env = env();
    env.put("SLACK_APP_TOKEN", FakeSlack.APP_TOKEN);
    SlackHarness harness =
        new SlackHarness(slack, config(slack, "socket", liveResults, env), true, clock);
    slack.awaitSocketModeConnection();
    return harness;
  }

  /** A bot in HTTP mode on a free port, verifying requests signed with {@link #SIGNING_SECRET}. */
  static SlackHarness httpMode() throws IOException {
    return httpMode(Map.of());
  }

  /** As {@link #httpMode()}, with more settings, such as short timeouts for the web server. */
  static SlackHarness httpMode(Map<String, Object> settings) throws IOException {
    FakeSlack slack = FakeSlack.start();
    Map<String, String> env = env();
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    return new SlackHarness(slack, config(slack, "http", false, env, settings));
  }

  /**
   * Another bot with the same settings on the same database and the same fake Slack, as a second
   * process or the same bot restarted would be; closing it leaves the fake running.
   */
  SlackHarness anotherBot() {
    return new SlackHarness(slack, config, false, Clock.systemUTC());
  }

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put(
        "CONFIG_FORCE_pollcast_storage_url",
        "jdbc:h2:mem:slack-test-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    env.put("POLLCAST_VOTER_KEY", TestSettings.VOTER_KEY);
    env.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    return env;
  }

  private static PollcastConfig config(
      FakeSlack slack, String mode, boolean liveResults, Map<String, String> env) {
    return config(slack, mode, liveResults, env, Map.of());
  }

  private static PollcastConfig config(
      FakeSlack slack,
      String mode,
      boolean liveResults,
      Map<String, String> env,
      Map<String, Object> more) {
    Map<String, Object> settings = new HashMap<>(more);
    settings.putAll(
        Map.of(
            "pollcast.language",
            "en",
            "pollcast.polls.live-results",
            liveResults,
            "pollcast.slack.mode",
            mode,
            "pollcast.slack.port",
            0,
            "pollcast.slack.api-url",
            slack.apiUrl(),
            "pollcast.slack.host-users",
            List.of(HOST),
            "pollcast.slack.moderator-users",
            List.of(MODERATORS)));
    return ConfigLoader.load(ConfigFactory.parseMap(settings), env);
  }

  /** The bot's HTTP endpoint (HTTP mode only). */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + bot.httpPort().orElseThrow() + HttpTransport.PATH);
  }

  private static Actor host() {
    return new Actor(Platform.SLACK, HOST, "host", Set.of(Role.HOST));
  }

  /** Imports the bundled episode 68 as the host would. */
  void importExample() {
    pollcast.service().importEpisode(host(), BundledEpisodes.example());
  }

  /** Imports show notes as the host would. */
  ImportReport importEpisode(String showNotes) {
    try {
      return pollcast
          .service()
          .importEpisode(
              host(),
              new EpisodeFileReader()
                  .read(showNotes.getBytes(StandardCharsets.UTF_8), "episode.txt"));
    } catch (EpisodeFormatException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The tally of an episode, straight from the core. */
  EpisodeResults results(int episode) {
    return pollcast.service().results(episode);
  }

  /** {@code user} types {@code /poll text} in {@code channel}. */
  Delivery poll(String channel, String user, String text) {
    return slack.slashCommand(channel, user, "/poll", text);
  }

  /** {@code user} clicks the button of {@code option} (from 0) on a poll message. */
  Delivery click(SlackMessage poll, String user, int option) {
    String actionId = "vote:" + option;
    return slack.clickButton(
        user, poll.channel(), poll.ts(), actionId, buttonValue(poll, actionId));
  }

  /** A click on a poll's withdraw button. */
  Delivery withdraw(SlackMessage poll, String user) {
    return slack.clickButton(
        user, poll.channel(), poll.ts(), "withdraw", buttonValue(poll, "withdraw"));
  }

  /** The private answer to a command or click: the one body posted to its response URL. */
  JsonNode privateAnswer(Delivery delivery) {
    return privateAnswer(delivery.responseUrl().orElseThrow());
  }

  /** The one body posted to {@code responseUrl}. */
  JsonNode privateAnswer(String responseUrl) {
    List<Workspace.ResponsePost> posts =
        Await.value(
            () ->
                Optional.of(slack.workspace().responsePosts(responseUrl)).filter(p -> !p.isEmpty()),
            () -> "an answer at " + responseUrl);
    assertThat(posts).hasSize(1);
    JsonNode body = posts.get(0).body();
    assertThat(body.path("response_type").asText()).isEqualTo("ephemeral");
    return body;
  }

  /** The text of the private answer to a command or click. */
  String answer(Delivery delivery) {
    return privateAnswer(delivery).path("text").asText();
  }

  /** Waits for {@code count} messages in {@code channel} and returns them. */
  List<SlackMessage> awaitMessages(String channel, int count) {
    return Await.value(
        () -> Optional.of(slack.workspace().messages(channel)).filter(m -> m.size() >= count),
        () -> count + " messages in " + channel);
  }

  /** The current version of a message. */
  SlackMessage current(SlackMessage message) {
    return slack.workspace().message(message.channel(), message.ts()).orElseThrow();
  }

  /** The {@code value} of the button {@code actionId} of a message. */
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

  /** Button labels of a message, in order. */
  static List<String> buttonLabels(SlackMessage message) {
    List<String> labels = new ArrayList<>();
    for (JsonNode block : message.blocks()) {
      for (JsonNode element : block.path("elements")) {
        if ("button".equals(element.path("type").asText())) {
          labels.add(element.path("text").path("text").asText());
        }
      }
    }
    return labels;
  }

  /** All mrkdwn text of a message's blocks, joined by newlines. */
  static String blockText(SlackMessage message) {
    StringBuilder text = new StringBuilder();
    for (JsonNode block : message.blocks()) {
      text.append(block.path("text").path("text").asText()).append('\n');
      for (JsonNode element : block.path("elements")) {
        if ("mrkdwn".equals(element.path("type").asText())) {
          text.append(element.path("text").asText()).append('\n');
        }
      }
    }
    return text.toString();
  }

  /**
   * Stops the bot and waits for the work in hand: afterwards nothing more can reach the fake, so a
   * test can count what happened.
   */
  void stopBot() {
    bot.stop();
  }

  @Override
  public void close() {
    if (dashboard != null) {
      dashboard.close();
    }
    bot.stop();
    pollcast.close();
    bot.close();
    if (ownsSlack) {
      slack.close();
    }
  }
}
