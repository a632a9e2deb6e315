package io.pollcast.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.http.listener.HttpResponseListener;
import io.pollcast.command.CommandHandler;
import io.pollcast.config.InvalidConfigException;
import io.pollcast.config.PollcastConfig;
import io.pollcast.config.SlackConfig.SlackMode;
import io.pollcast.poll.PlatformCallListener;
import io.pollcast.poll.PollPublisher;
import io.pollcast.routine.DaemonThreads;
import io.pollcast.storage.SlackRequestStore;
import io.pollcast.text.TextRenderer;
import io.pollcast.web.WebRoute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import okhttp3.OkHttpClient;
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
  private final TextRenderer texts;
  private final Slack slack;
  private final App app;
  private final BiFunction<SlackRequestStore, List<WebRoute>, SlackTransport> transports;
  private SlackTransport transport;
  private final WebApi webApi;
  private final SlackPublisher publisher;
  private final ExecutorService executor;
  private final PendingClicks pendingClicks = new PendingClicks();
  private boolean stopped;

  private SlackBot(
      PollcastConfig config,
      TextRenderer texts,
      Slack slack,
      App app,
      BiFunction<SlackRequestStore, List<WebRoute>, SlackTransport> transports,
      RateLimitWait rateLimitWait) {
    this.config = config;
    this.texts = texts;
    this.slack = slack;
    this.app = app;
    this.transports = transports;
    this.webApi = new WebApi(rateLimitWait);
    this.publisher = new SlackPublisher(app.client(), new PollBlocks(texts), webApi);
    this.executor = Executors.newFixedThreadPool(WORKERS, DaemonThreads.named("pollcast-slack"));
  }

  /**
   * Builds the Bolt app for the configured mode without connecting.
   *
   * @throws InvalidConfigException if a secret the mode needs is not set; the message names the
   *     environment variable, never a value
   */
  public static SlackBot create(PollcastConfig config, TextRenderer texts) {
    return create(config, texts, PlatformCallListener.NONE);
  }

  /**
   * Builds the Bolt app for the configured mode without connecting; {@code calls} hears every Web
   * API call and its outcome.
   *
   * @throws InvalidConfigException if a secret the mode needs is not set
   */
  public static SlackBot create(
      PollcastConfig config, TextRenderer texts, PlatformCallListener calls) {
    return create(config, texts, calls, RateLimitWait.SLEEP);
  }

  /**
   * As {@link #create(PollcastConfig, TextRenderer, PlatformCallListener)}, waiting with {@code
   * rateLimitWait}.
   */
  static SlackBot create(
      PollcastConfig config,
      TextRenderer texts,
      PlatformCallListener calls,
      RateLimitWait rateLimitWait) {
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
    SlackCallMeter meter = new SlackCallMeter(calls);
    List<HttpResponseListener> listeners =
        new ArrayList<>(sdkConfig.getHttpClientResponseHandlers());
    listeners.add(meter);
    sdkConfig.setHttpClientResponseHandlers(listeners);
    OkHttpClient http =
        SlackHttpClient.buildOkHttpClient(sdkConfig)
            .newBuilder()
            .addInterceptor(meter.failures())
            .build();
    Slack slack = Slack.getInstance(sdkConfig, new SlackHttpClient(http));
    AppConfig appConfig =
        AppConfig.builder()
            .singleTeamBotToken(botToken)
            .signingSecret(signingSecret.orElse(null))
            .requestVerificationEnabled(signingSecret.isPresent())
            .slack(slack)
            .build();
    App app = new App(appConfig);
    try {
      BiFunction<SlackRequestStore, List<WebRoute>, SlackTransport> transports;
      if (appToken.isPresent()) {
        SlackTransport socketMode = new SocketModeTransport(appToken.get(), app);
        transports = (requests, routes) -> socketMode;
      } else {
        transports =
            (requests, routes) ->
                new HttpTransport(
                    app, config.slack(), new SeenRequests(requests, Clock.systemUTC()), routes);
      }
      return new SlackBot(config, texts, slack, app, transports, rateLimitWait);
    } catch (IOException e) {
      closeQuietly(slack);
      throw new UncheckedIOException("Could not set up the Slack " + mode + " transport", e);
    }
  }

  /** What the core posts polls and results to Slack with. */
  public PollPublisher publisher() {
    return publisher;
  }

  /**
   * Registers the handlers and starts taking Slack's deliveries, every one of which goes to {@code
   * handler}.
   *
   * @param requests remembers the HTTP deliveries and the user actions already taken, so that a
   *     replay or a retry counts once, whichever process it lands on
   */
  public void start(CommandHandler handler, SlackRequestStore requests) {
    start(handler, requests, List.of());
  }

  /** Whether Slack calls the bot over HTTP ({@code pollcast.slack.mode = http}). */
  public boolean httpMode() {
    return config.slack().mode() == SlackMode.HTTP;
  }

  /**
   * As {@link #start(CommandHandler, SlackRequestStore)}; in HTTP mode the endpoint's web server
   * serves {@code routes} as well (the dashboard's), so that the bot runs one web server.
   */
  public synchronized void start(
      CommandHandler handler, SlackRequestStore requests, List<WebRoute> routes) {
    var replies = new PrivateReplies(slack);
    var deliveries = new RecentDeliveries(requests, Clock.systemUTC());
    new PollCommands(
            handler,
            texts,
            new SlackRoles(app.client(), webApi, config.slack()),
            app.client(),
            webApi,
            replies,
            deliveries,
            executor)
        .register(app);
    ReasonModals reasons =
        new ReasonModals(
            handler, texts.messages(), app.client(), webApi, replies, deliveries, executor);
    reasons.register(app);
    new VoteClicks(handler, texts.messages(), replies, deliveries, pendingClicks, executor, reasons)
        .register(app);
    transport = transports.apply(requests, routes);
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
