package io.pollcast.web;

import io.javalin.util.JavalinBindException;
import io.pollcast.config.WebConfig;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the bot's web server for the dashboard on {@code pollcast.web.bind}:{@code port}. A port
 * that is taken is one warning, and the bot runs on without a dashboard: links are then refused
 * with a message that says the dashboard is off.
 */
public final class DashboardServer {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);

  private DashboardServer() {}

  /** The running server, or empty (logged) when its port could not be taken. */
  public static Optional<WebServer> start(
      WebConfig config, Dashboard dashboard, DashboardLinks links) {
    WebServer server;
    try {
      server =
          WebServer.start(
              config.bind(), config.port(), config.limits(), new RefusalLog(), dashboard.routes());
    } catch (JavalinBindException e) {
      LOG.warn(
          "The dashboard is off: port {} on {} is in use (pollcast.web.port). The bot runs on.",
          config.port(),
          config.bind());
      return Optional.empty();
    }
    serveLinks(config, config.bind(), server.port(), links);
    return Optional.of(server);
  }

  /**
   * Hands out links to a server on {@code bind}:{@code port}, or to {@code pollcast.web.public-url}
   * when set, and logs where the dashboard is.
   */
  public static void serveLinks(WebConfig config, String bind, int port, DashboardLinks links) {
    String base = config.publicUrl().map(Object::toString).orElseGet(() -> local(bind, port));
    links.serveAt(base);
    LOG.info("Dashboard at {}/dashboard (ask for a link with /poll dashboard)", base);
  }

  private static String local(String bind, int port) {
    String host =
        switch (bind) {
          case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
          default -> bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        };
    return "http://" + host + ":" + port;
  }
}
