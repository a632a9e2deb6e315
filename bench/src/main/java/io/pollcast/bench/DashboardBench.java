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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  private static final Pattern VOTERS = Pattern.compile("\"voters\":(\\d+)");
  private static final Actor HOST = new Actor(Platform.CONSOLE, "host", "host", Set.of(Role.HOST));
  private static final String START = "<!-- dashboard figures -->";
  private static final String END = "<!-- end of dashboard figures -->";

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
            .run();
    System.out.println(figures);
    if (!list.contains("--no-report")) {
      ReportFile.replaceSection(Path.of("BENCHMARKS.md"), START, END, figures);
    }
    System.exit(0);
  }

  private String run() throws Exception {
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

  private String measure(
      Pollcast pollcast, long pollId, Dashboard dashboard, String base, String token)
      throws Exception {
    int votes = rate * seconds;
    AtomicLongArray acked = new AtomicLongArray(votes + 1); // by rank of acknowledgement
    AtomicInteger ackRank = new AtomicInteger();
    List<long[]> shown = new ArrayList<>();
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
    List<CompletableFuture<HttpResponse<Void>>> streams = new ArrayList<>();
    for (int p = 0; p < pages; p++) {
      long[] latencies = new long[votes + 1];
      Arrays.fill(latencies, -1);
      shown.add(latencies);
      AtomicInteger seen = new AtomicInteger();
      streams.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + "/dashboard/episodes/68/events"))
                  .header("Accept", "text/event-stream")
                  .header("Cookie", "pollcast_link=" + token)
                  .build(),
              HttpResponse.BodyHandlers.fromLineSubscriber(
                  new LineListener(line -> onLine(line, seen, acked, latencies)))));
    }
    await(() -> dashboard.livePages() == pages, Duration.ofMinutes(2), "pages connected");

    List<Long> loads = new ArrayList<>();
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
                .thenRun(() -> acked.set(ackRank.incrementAndGet(), System.nanoTime()));
          }
        },
        0,
        10,
        TimeUnit.MILLISECONDS);
    HttpClient loader = HttpClient.newHttpClient();
    while (sent.get() < votes) {
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
    pace.shutdown();
    pace.awaitTermination(1, TimeUnit.MINUTES);
    double achieved = votes / ((System.nanoTime() - start) / 1e9);
    await(() -> ackRank.get() == votes, Duration.ofMinutes(1), "every vote acknowledged");
    await(
        () -> shown.stream().allMatch(l -> l[votes] >= 0),
        Duration.ofMinutes(1),
        "every page showing every vote");
    streams.forEach(s -> s.cancel(true));

    long[] all =
        shown.stream().flatMapToLong(l -> Arrays.stream(l, 1, l.length)).sorted().toArray();
    long[] loadTimes = loads.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "%s%n## The dashboard under load%n%n"
            + "Written by `scripts/bench-dashboard` on %s (%d cores, load average %.1f at the start)."
            + " %d dashboard pages keep their live event stream open (HTTP clients in the same"
            + " process, not browsers) while %,d votes arrive at %d a second (%.0f reached) on an"
            + " in-memory H2, one thesis.%n%n"
            + "| Figure | Median | p99 | Samples |%n| --- | --- | --- | --- |%n"
            + "| From a vote's acknowledgement to a page receiving a tally that counts it | %.0f ms |"
            + " %.0f ms | %,d |%n"
            + "| Loading the episode page meanwhile (HTML, server side) | %.1f ms | %.1f ms | %,d |%n"
            + "%nThe tally is read once a second for all pages of an episode and sent when it"
            + " changed, so the first figure is at most about a second plus the read and the"
            + " sending to every page.%n%s",
        START,
        LocalDate.now(),
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        pages,
        votes,
        rate,
        achieved,
        millis(all, 0.5),
        millis(all, 0.99),
        all.length,
        millis(loadTimes, 0.5),
        millis(loadTimes, 0.99),
        loadTimes.length,
        END);
  }

  /** Notes, for each vote rank the latest tally counts, when this page first saw it. */
  private static void onLine(
      String line, AtomicInteger seen, AtomicLongArray acked, long[] latencies) {
    if (!line.startsWith("data:")) {
      return;
    }
    long now = System.nanoTime();
    Matcher voters = VOTERS.matcher(line);
    if (!voters.find()) {
      return;
    }
    int total = Math.min(Integer.parseInt(voters.group(1)), latencies.length - 1);
    for (int rank = seen.get() + 1; rank <= total; rank++) {
      long ack = acked.get(rank);
      latencies[rank] = ack == 0 || ack > now ? 0 : now - ack; // shown before its reply: 0
    }
    seen.set(Math.max(seen.get(), total));
  }

  private static double millis(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static void await(java.util.function.BooleanSupplier done, Duration timeout, String what)
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

  /** Hands each line of an event stream to a consumer. */
  private record LineListener(java.util.function.Consumer<String> lines)
      implements java.util.concurrent.Flow.Subscriber<String> {
    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      lines.accept(line);
    }

    @Override
    public void onError(Throwable error) {}

    @Override
    public void onComplete() {}
  }
}
