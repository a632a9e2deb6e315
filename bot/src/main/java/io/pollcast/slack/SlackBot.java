package io.pollcast.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import io.pollcast.Pollcast;
import io.pollcast.config.InvalidConfigException;
import io.pollcast.config.PollcastConfig;
import io.pollcast.config.SlackConfig.SlackMode;
import io.pollcast.poll.PollPublisher;
import io.pollcast.web.WebRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pollcast on Slack, built in two steps around the core: {@link #create} makes the Bolt app and the
 * {@link #publisher()} that the core posts polls with; once the core is open, {@link #start}
 * registers the command, button and modal handlers and starts the transport (Socket Mode, or HTTP
 * with {@code pollcast.slack.mode = http}). {@link #stop} stops taking deliveries and finishes the
 * work in hand: call it before closing the core; {@link #close} then releases the Slack client.
 *
 * <p>Owns the executor that carries out commands and votes, so that Bolt's threads only ever
 * acknowledge (Slack wants that within 3 seconds).
 */
public final class SlackBot implements AutoCloseable {
  private static final int WORKERS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);

  private final PollcastConfig config;
  private final Slack slack;
  private final App app;
  private final BiFunction<Pollcast, List<WebRoute>, SlackTransport> transports;
  private SlackTransport transport;
  private final SlackPublisher publisher;
  private final ExecutorService executor;
  private final PendingClicks pendingClicks = new PendingClicks();
  private boolean stopped;

  private SlackBot(
      PollcastConfig config,
      Slack slack,
      App app,
      BiFunction<Pollcast, List<WebRoute>, SlackTransport> transports) {
    this.config = config;
    this.slack = slack;
    this.app = app;
    this.transports = transports;
    this.publisher = new SlackPublisher(app.client(), new PollBlocks(Pollcast.texts(config)));
    this.executor = Executors.newFixedThreadPool(WORKERS, threads("pollcast-slack-"));
  }

  /**
   * Builds the Bolt app for the configured mode without connecting.
   *
   * @throws InvalidConfigException if a secret the mode needs is not set; the message names the
   *     environment variable, never a value
   */
  public static SlackBot create(PollcastConfig config) {
    var secrets = config.secrets();
    String botToken = require(secrets.slackBotToken(), "SLACK_BOT_TOKEN", "the bot token (xoxb-…)");
    SlackMode mode = config.slack().mode();
    Optional<String> appToken = Optional.empty();
    Optional<String> signingSecret = Optional.empty();
    if (mode == SlackMode.SOCKET) {
      appToken =
          Optional.of(
              require(
                  secrets.slackAppToken(),
                  "SLACK_APP_TOKEN",
                  "an app-level token (xapp-…) with connections:write for Socket Mode"
                      + " (pollcast.slack.mode = socket)"));
    } else {
      signingSecret =
          Optional.of(
              require(
                  secrets.slackSigningSecret(),
                  "SLACK_SIGNING_SECRET",
                  "the app's signing secret for HTTP mode (pollcast.slack.mode = http)"));
    }
    com.slack.api.SlackConfig sdkConfig = new com.slack.api.SlackConfig();
    sdkConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl().toString());
    Slack slack = Slack.getInstance(sdkConfig);
    AppConfig appConfig =
        AppConfig.builder()
            .singleTeamBotToken(botToken)
            .signingSecret(signingSecret.orElse(null))
            .requestVerificationEnabled(signingSecret.isPresent())
            .slack(slack)
            .build();
    App app = new App(appConfig);
    try {
      BiFunction<Pollcast, List<WebRoute>, SlackTransport> transports;
      if (appToken.isPresent()) {
        SlackTransport socketMode = new SocketModeTransport(appToken.get(), app);
        transports = (pollcast, routes) -> socketMode;
      } else {
        transports =
            (pollcast, routes) ->
                new HttpTransport(
                    app,
                    config.slack(),
                    new SeenRequests(pollcast.database().slackRequests(), Clock.systemUTC()),
                    routes);
      }
      return new SlackBot(config, slack, app, transports);
    } catch (IOException e) {
      closeQuietly(slack);
      throw new UncheckedIOException("Could not set up the Slack " + mode + " transport", e);
    }
  }

  /** What the core posts polls and results to Slack with. */
  public PollPublisher publisher() {
    return publisher;
  }

  /** Registers the handlers with the core and starts taking Slack's deliveries. */
  public void start(Pollcast pollcast) {
    start(pollcast, List.of());
  }

  /** Whether Slack calls the bot over HTTP ({@code pollcast.slack.mode = http}). */
  public boolean httpMode() {
    return config.slack().mode() == SlackMode.HTTP;
  }

  /**
   * As {@link #start(Pollcast)}; in HTTP mode the endpoint's web server serves {@code routes} as
   * well (the dashboard's), so that the bot runs one web server.
   */
  public synchronized void start(Pollcast pollcast, List<WebRoute> routes) {
    var texts = pollcast.texts();
    var replies = new PrivateReplies(slack);
    var deliveries = new RecentDeliveries();
    new PollCommands(
            pollcast.handler(),
            texts,
            new SlackRoles(app.client(), config.slack()),
            app.client(),
            replies,
            deliveries,
            executor)
        .register(app);
    new VoteClicks(
            pollcast.handler(),
            pollcast.service(),
            texts.messages(),
            replies,
            deliveries,
            pendingClicks,
            executor)
        .register(app);
    transport = transports.apply(pollcast, routes);
    try {
      transport.start();
    } catch (Exception e) {
      throw new IllegalStateException("Could not connect to Slack: " + e.getMessage(), e);
    }
  }

  /** Whether Slack's deliveries can reach the bot now; for readiness checks. */
  public boolean connected() {
    SlackTransport current;
    synchronized (this) {
      current = stopped ? null : transport;
    }
    return current != null && current.connected();
  }

  /** The port of the HTTP endpoint in HTTP mode (useful with {@code pollcast.slack.port = 0}). */
  public synchronized OptionalInt httpPort() {
    return transport instanceof HttpTransport http
        ? OptionalInt.of(http.port())
        : OptionalInt.empty();
  }

  /**
   * Stops taking deliveries and lets the work in hand finish: afterwards the bot calls the core no
   * more, so the core can close. Idempotent.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (transport != null) {
      transport.close();
    }
    try {
      if (!pendingClicks.awaitNone(Duration.ofSeconds(10))) {
        LOG.warn("Stopped with clicks not yet answered");
      }
      executor.shutdown();
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Stops (if not yet stopped) and releases the Slack client's threads. */
  @Override
  public synchronized void close() {
    stop();
    closeQuietly(slack);
  }

  /** Named daemon threads for the adapter's pools. */
  static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static String require(Optional<String> secret, String variable, String what) {
    return secret.orElseThrow(
        () -> new InvalidConfigException(variable + " is not set: Slack needs " + what + "."));
  }

  private static void closeQuietly(Slack slack) {
    try {
      slack.close();
    } catch (Exception e) {
      // nothing left to release
    }
  }
}
