package io.pollcast.web;

import io.javalin.Javalin;
import io.pollcast.config.WebServerLimits;
import io.pollcast.routine.Routine;
import io.pollcast.routine.Routines;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The bot's web server (Javalin on Jetty), with the routes of whatever needs HTTP mounted on it:
 * the Slack endpoint (reachable from the internet), and the admin endpoints {@code /health}, {@code
 * /ready} and {@code /metrics} on their own address ({@code pollcast.admin}).
 *
 * <p>Holds up against what the internet sends: headers of at most {@value #MAX_HEADER_BYTES} bytes,
 * the connection limits and timeouts of {@link WebServerLimits} (enforced by {@link ClientGuard}),
 * and refusals logged as counts once a minute ({@link RefusalLog}). The thread pool has a thread
 * for every connection allowed, so clients that trickle a body, each holding a thread until the
 * body timeout cuts them off, cannot starve the others.
 */
public final class WebServer implements AutoCloseable {
  /** Request line and headers; Jetty answers 431 to more. */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /** Threads Jetty needs beside one per connection: acceptor, selectors, the sweeper's margin. */
  private static final int SPARE_THREADS = 8;

  private static final Duration SWEEP_PERIOD = Duration.ofMillis(100);
  private static final Duration REPORT_PERIOD = Duration.ofMinutes(1);

  private final Javalin javalin;
  private final RefusalLog refusals;
  private final ClientGuard guard;
  private final Routines upkeep = new Routines("pollcast-web-upkeep", 1);
  private boolean closed;

  private WebServer(Javalin javalin, RefusalLog refusals, ClientGuard guard) {
    this.javalin = javalin;
    this.refusals = refusals;
    this.guard = guard;
  }

  /**
   * Starts serving {@code routes} on {@code bind}:{@code port} (0: any free port); other paths get
   * 404.
   */
  public static WebServer start(
      String bind, int port, WebServerLimits limits, RefusalLog refusals, List<WebRoute> routes) {
    ClientGuard guard = new ClientGuard(limits, refusals);
    QueuedThreadPool threads = new QueuedThreadPool(limits.maxConnections() + SPARE_THREADS, 2);
    threads.setName("pollcast-web");
    threads.setDaemon(true);
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.threadPool = threads;
              config.jetty.addConnector(
                  (server, http) -> {
                    ServerConnector connector =
                        new ServerConnector(server, new HttpConnectionFactory(harden(http)));
                    connector.setHost(bind);
                    connector.setPort(port);
                    connector.setIdleTimeout(limits.idleTimeout().toMillis());
                    connector.addBean(guard);
                    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
                    return connector;
                  });
              routes.forEach(
                  route ->
                      config.routes.addHttpHandler(route.method(), route.path(), route.handler()));
            });
    WebServer web = new WebServer(javalin, refusals, guard);
    javalin.start();
    web.upkeep.start(
        Routine.every("connection sweep", SWEEP_PERIOD, () -> guard.sweep(System.nanoTime())));
    web.upkeep.start(
        Routine.every("refusal report", REPORT_PERIOD, () -> refusals.flush("in the last minute")));
    return web;
  }

  private static HttpConfiguration harden(HttpConfiguration http) {
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    return http;
  }

  /** The port the server listens on. */
  public int port() {
    return javalin.port();
  }

  /** Open connections, for tests. */
  int openConnections() {
    return guard.openConnections();
  }

  /** Stops serving, closes every connection and logs the refusals not yet logged. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    upkeep.close();
    javalin.stop();
    refusals.flush("since the last report");
  }
}
