package io.pollcast.slack;

import com.slack.api.bolt.App;
import io.pollcast.config.SlackConfig;
import io.pollcast.web.RefusalLog;
import io.pollcast.web.WebRoute;
import io.pollcast.web.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack POSTs signed requests to {@code /slack/events} (commands, clicks and modal
 * submissions alike), served by the bot's {@link WebServer} on {@code pollcast.slack.bind} and
 * {@code pollcast.slack.port}, through the {@link SlackEndpoint} that lets only signed, well-formed
 * and new requests through to Bolt. Put it behind a TLS-terminating proxy: Slack only calls https
 * URLs.
 */
final class HttpTransport implements SlackTransport {
  static final String PATH = "/slack/events";

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  private final App app;
  private final SlackConfig config;
  private final SeenRequests seen;
  private final List<WebRoute> otherRoutes;
  private WebServer server;
  private boolean closed;

  /** Serves nothing until started; then {@code otherRoutes} (the dashboard's) as well. */
  HttpTransport(App app, SlackConfig config, SeenRequests seen, List<WebRoute> otherRoutes) {
    this.app = app;
    this.config = config;
    this.seen = seen;
    this.otherRoutes = List.copyOf(otherRoutes);
  }

  /** The port the server listens on, once started. */
  synchronized int port() {
    return server.port();
  }

  /** Whether the endpoint is serving: Slack reaches it through the proxy in front. */
  @Override
  public synchronized boolean connected() {
    return server != null && !closed;
  }

  @Override
  public synchronized void start() {
    app.start();
    RefusalLog refusals = new RefusalLog();
    SlackEndpoint endpoint =
        new SlackEndpoint(
            app,
            new RequestSignature(app.config().getSigningSecret(), Clock.systemUTC()),
            seen,
            refusals);
    server =
        WebServer.start(
            config.bind(),
            config.port(),
            config.limits(),
            refusals,
            Stream.concat(Stream.of(WebRoute.post(PATH, endpoint)), otherRoutes.stream()).toList());
    LOG.info("Taking Slack requests on {} port {} at {}", config.bind(), server.port(), PATH);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.close();
    }
    app.stop();
  }
}
