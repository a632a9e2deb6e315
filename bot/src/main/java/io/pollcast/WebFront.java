package io.pollcast;

import io.pollcast.chart.ResultsChartRenderer;
import io.pollcast.command.WebLinks;
import io.pollcast.config.WebConfig;
import io.pollcast.web.Dashboard;
import io.pollcast.web.DashboardLinks;
import io.pollcast.web.DashboardServer;
import io.pollcast.web.LinkSigner;
import io.pollcast.web.WebRoute;
import io.pollcast.web.WebServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's part of start-up, in the order the bot needs it: the links exist before the core
 * opens (the core's command handler hands them out), the pages once it is open. The dashboard is
 * served on its own web server ({@code pollcast.web}), or, in Slack's HTTP mode, on the Slack
 * endpoint's server, so that the bot runs one web server. Off with {@code pollcast.web.enabled =
 * false}.
 */
final class WebFront implements AutoCloseable {
  private final WebConfig config;
  private final Clock clock;
  private final Optional<LinkSigner> signer;
  private final Optional<DashboardLinks> links;
  private Dashboard dashboard;
  private WebServer server;

  WebFront(WebConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.signer = config.enabled() ? Optional.of(LinkSigner.of(config, clock)) : Optional.empty();
    this.links = signer.map(s -> new DashboardLinks(s, config.linkTtl(), clock));
  }

  /** What {@code /poll dashboard} hands out: nothing until the dashboard is served. */
  WebLinks links() {
    return links.map(WebLinks.class::cast).orElse(WebLinks.OFF);
  }

  /** The dashboard's routes, for a server started elsewhere; empty when the dashboard is off. */
  List<WebRoute> routes(Pollcast pollcast) {
    return dashboard(pollcast).map(Dashboard::routes).orElse(List.of());
  }

  /**
   * Links point at a server started elsewhere with {@link #routes}, on {@code bind}:{@code port}.
   */
  void servedAt(String bind, int port) {
    links.ifPresent(l -> DashboardServer.serveLinks(config, bind, port, l));
  }

  /**
   * Starts the dashboard's own server; whether it runs (false when off or its port is taken, which
   * is logged).
   */
  boolean serve(Pollcast pollcast) {
    Optional<Dashboard> pages = dashboard(pollcast);
    if (pages.isEmpty()) {
      return false;
    }
    server = DashboardServer.start(config, pages.get(), links.orElseThrow()).orElse(null);
    return server != null;
  }

  /** The port of the dashboard's own server, if it runs. */
  Optional<Integer> port() {
    return Optional.ofNullable(server).map(WebServer::port);
  }

  private Optional<Dashboard> dashboard(Pollcast pollcast) {
    if (signer.isEmpty()) {
      return Optional.empty();
    }
    if (dashboard == null) {
      dashboard =
          new Dashboard(
              pollcast.service(),
              pollcast.reasons(),
              pollcast.texts(),
              new ResultsChartRenderer(pollcast.texts().messages()),
              signer.get(),
              clock,
              config.publicUrl().map(url -> "https".equals(url.getScheme())).orElse(false));
    }
    return Optional.of(dashboard);
  }

  /**
   * Ends the live updates (closing the pages' event streams while the server still runs), then
   * stops the dashboard's own server. Idempotent.
   */
  @Override
  public void close() {
    if (dashboard != null) {
      dashboard.close();
      dashboard = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
