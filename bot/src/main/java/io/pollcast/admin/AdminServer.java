package io.pollcast.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pollcast.config.AdminConfig;
import io.pollcast.config.WebServerLimits;
import io.pollcast.metrics.PollcastMetrics;
import io.pollcast.web.RefusalLog;
import io.pollcast.web.WebRoute;
import io.pollcast.web.WebServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's endpoints, on {@code pollcast.admin.bind}:{@code pollcast.admin.port} (127.0.0.1
 * unless configured otherwise): {@code GET /health} answers 200 while the process serves at all
 * (liveness); {@code GET /ready} answers 200 when every check passes (the database answers, each
 * configured platform is connected, the bot takes interactions) and 503 naming those that fail;
 * {@code GET /metrics} gives {@link PollcastMetrics} in Prometheus' text format.
 *
 * <p>A {@link WebServer} of its own rather than routes on the Slack endpoint's: that one faces the
 * internet on {@code pollcast.slack.bind} (0.0.0.0 behind a proxy), while these must stay on a
 * private address; one Jetty connector has one address.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  /** A scraper, a health check and an operator's curl; a few connections are plenty. */
  static final WebServerLimits LIMITS =
      new WebServerLimits(
          Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), 16, 16);

  private final WebServer server;

  private AdminServer(WebServer server) {
    this.server = server;
  }

  /**
   * Starts serving.
   *
   * @param checks what {@code /ready} checks, by name (such as "database", "discord"); each is
   *     called on a request thread and must answer within a few seconds
   */
  public static AdminServer start(
      AdminConfig config, int port, PollcastMetrics metrics, Map<String, BooleanSupplier> checks) {
    metrics.watchJvm();
    Map<String, BooleanSupplier> ready = Map.copyOf(checks);
    WebServer server =
        WebServer.start(
            config.bind(),
            port,
            LIMITS,
            new RefusalLog(),
            List.of(
                WebRoute.get("/health", ctx -> ctx.result("ok\n")),
                WebRoute.get("/ready", ctx -> ready(ctx, ready)),
                WebRoute.get(
                    "/metrics",
                    ctx ->
                        ctx.contentType(PollcastMetrics.contentType()).result(metrics.scrape()))));
    LOG.info(
        "Admin endpoints on http://{}:{}/ (health, ready, metrics)", config.bind(), server.port());
    return new AdminServer(server);
  }

  private static void ready(Context ctx, Map<String, BooleanSupplier> checks) {
    StringBuilder body = new StringBuilder();
    boolean all = true;
    for (var check : checks.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      boolean passes;
      try {
        passes = check.getValue().getAsBoolean();
      } catch (RuntimeException e) {
        passes = false;
      }
      all &= passes;
      body.append(check.getKey()).append(passes ? " ok" : " not ready").append('\n');
    }
    ctx.status(all ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).result(body.toString());
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
