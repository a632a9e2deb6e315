package io.pollcast.bench;

import io.pollcast.Pollcast;
import io.pollcast.chart.ResultsChartRenderer;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.console.ConsoleOutput;
import io.pollcast.console.ConsolePublisher;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.web.Dashboard;
import io.pollcast.web.DashboardLinks;
import io.pollcast.web.LinkSigner;
import io.pollcast.web.RefusalLog;
import io.pollcast.web.WebServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Measures the dashboard under load: {@code --pages} dashboard pages hold their live event stream
 * open while votes arrive at {@code --rate} a second for {@code --seconds}; it reports the time
 * from each vote's acknowledgement to each page receiving a tally that counts it, and the time to
 * load the episode page meanwhile (median and p99). The bot runs in this process on an in-memory H2
 * with the real web server, pages and live updates; the pages are HTTP clients here, not browsers.
 * Run with {@code scripts/bench-dashboard}; it writes its section of {@code BENCHMARKS.md} unless
 * {@code --no-report}.
 */
public final class DashboardBench {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "host", "host", Set.of(Role.HOST));

  private final int pages;
  private final int rate;
  private final int seconds;

  private DashboardBench(int pages, int rate, int seconds) {
    this.pages = pages;
    this.rate = rate;
    this.seconds = seconds;
  }

  /** {@code [--pages 200] [--rate 500] [--seconds 20] [--no-report]}. */
  public static void main(String[] args) throws Exception {
    List<String> list = Arrays.asList(args);
    String figures =
        new DashboardBench(
                option(list, "--pages", 200),
                option(list, "--rate", 500),
                option(list, "--seconds", 20))
            .run()
            .markdown();
    System.out.println(figures);
    if (!list.contains("--no-report")) {
      ReportFile.replaceSection(
          Path.of("BENCHMARKS.md"), DashboardFigures.START, DashboardFigures.END, figures);
    }
    System.exit(0);
  }

  private DashboardFigures run() throws Exception {
    PollcastConfig config =
        ConfigLoader.load(
            Optional.empty(),
            Map.of(
                "CONFIG_FORCE_pollcast_storage_url",
                    "jdbc:h2:mem:dashboard-bench;DB_CLOSE_DELAY=-1",
                "CONFIG_FORCE_pollcast_storage_pool__size", "8"));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Clock clock = Clock.systemUTC();
    ConsoleOutput nowhere = new ConsoleOutput(new PrintStream(OutputStream.nullOutputStream()));
    try (Pollcast pollcast =
        Pollcast.open(
            config,
            key,
            clock,
            Map.of(
                Platform.CONSOLE,
                new ConsolePublisher(
                    nowhere, Pollcast.texts(config), Files.createTempDirectory("charts"))))) {
      io.pollcast.BundledEpisodes.importIfEmpty(pollcast.service());
      pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
      long pollId = pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
      LinkSigner signer = new LinkSigner(key, clock);
      Dashboard dashboard =
          new Dashboard(
              pollcast.service(),
              pollcast.reasons(),
              pollcast.texts(),
              new ResultsChartRenderer(pollcast.texts().messages()),
              signer,
              clock,
              false);
      // the dashboard closes its event streams before the server stops: it is closed first
      try (WebServer server =
              WebServer.start(
                  "127.0.0.1", 0, config.web().limits(), new RefusalLog(), dashboard.routes());
          Dashboard pages = dashboard) {
        DashboardLinks links = new DashboardLinks(signer, Duration.ofHours(1), clock);
        String base = "http://127.0.0.1:" + server.port();
        links.serveAt(base);
        String token =
            URI.create(links.dashboard(HOST, Place.CONSOLE).orElseThrow().url())
                .getRawQuery()
                .substring(2);
        return measure(pollcast, pollId, pages, base, token);
      }
    }
  }

  private DashboardFigures measure(
      Pollcast pollcast, long pollId, Dashboard dashboard, String base, String token)
      throws Exception {
    int votes = rate * seconds;
    double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    try (LivePages live = LivePages.open(pages, votes, base, token)) {
      await(() -> dashboard.livePages() == pages, Duration.ofMinutes(2), "pages connected");
      ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
      AtomicInteger sent = new AtomicInteger();
      int perTick = Math.max(1, rate / 100);
      long start = System.nanoTime();
      pace.scheduleAtFixedRate(
          () -> {
            for (int i = 0; i < perTick && sent.get() < votes; i++) {
              int voter = sent.incrementAndGet();
              pollcast
                  .votes()
                  .vote(
                      new Actor(Platform.CONSOLE, "voter-" + voter, "v", Set.of()),
                      Place.CONSOLE,
                      pollId,
                      voter % 2)
                  .thenRun(live::acknowledged);
            }
          },
          0,
          10,
          TimeUnit.MILLISECONDS);
      Latencies.Summary loads = loadPageWhile(() -> sent.get() < votes, base, token);
      pace.shutdown();
      pace.awaitTermination(1, TimeUnit.MINUTES);
      double achieved = votes / ((System.nanoTime() - start) / 1e9);
      await(
          () -> live.acknowledgements() == votes, Duration.ofMinutes(1), "every vote acknowledged");
      await(live::allShowEveryVote, Duration.ofMinutes(1), "every page showing every vote");
      return new DashboardFigures(loadAtStart, pages, votes, rate, achieved, live.summary(), loads);
    }
  }

  /** Loads the episode page every 50 ms while {@code going} holds, timing each load. */
  private static Latencies.Summary loadPageWhile(BooleanSupplier going, String base, String token)
      throws Exception {
    List<Long> loads = new ArrayList<>();
    HttpClient loader = HttpClient.newHttpClient();
    while (going.getAsBoolean()) {
      long before = System.nanoTime();
      HttpResponse<String> page =
          loader.send(
              HttpRequest.newBuilder(URI.create(base + "/dashboard/episodes/68"))
                  .header("Cookie", "pollcast_link=" + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() != 200) {
        throw new IllegalStateException("the page answered " + page.statusCode());
      }
      loads.add(System.nanoTime() - before);
      Thread.sleep(50);
    }
    Latencies latencies = new Latencies(loads.size());
    for (int i = 0; i < loads.size(); i++) {
      latencies.record(i, loads.get(i));
    }
    return latencies.summary();
  }

  private static void await(BooleanSupplier done, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static int option(List<String> args, String name, int fallback) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? Integer.parseInt(args.get(at + 1)) : fallback;
  }
}
