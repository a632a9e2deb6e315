package io.pollcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.MutableClock;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.chart.ResultsChartRenderer;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.ReasonState;
import io.pollcast.domain.Role;
import io.pollcast.storage.AuditEntry;
import io.pollcast.storage.Await;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard over plain HTTP against a real core on H2: what a page and its event stream may
 * show, the security headers, forms that need their CSRF token and a host's link, the rate limit on
 * token checks.
 */
final class DashboardHttpTest {
  private static final Actor HOST =
      new Actor(Platform.CONSOLE, "host", "Hanna Host", Set.of(Role.HOST));
  private static final Actor MODERATOR =
      new Actor(Platform.CONSOLE, "mod", "Mo", Set.of(Role.MODERATOR));
  private static final Actor VOTER = new Actor(Platform.CONSOLE, "voter-4711", "anna", Set.of());
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final MutableClock clock = new MutableClock(Instant.now());
  private Pollcast pollcast;
  private Dashboard dashboard;
  private WebServer server;
  private DashboardLinks links;

  @BeforeEach
  void serve() {
    pollcast = TestSettings.consoleInMemory();
    BundledEpisodes.importIfEmpty(pollcast.service());
    LinkSigner signer = new LinkSigner(TestSettings.key(), clock);
    dashboard =
        new Dashboard(
            pollcast.service(),
            pollcast.reasons(),
            pollcast.texts(),
            new ResultsChartRenderer(pollcast.texts().messages()),
            signer,
            clock,
            false);
    server =
        WebServer.start(
            "127.0.0.1",
            0,
            TestSettings.inMemory(java.util.Map.of()).web().limits(),
            new RefusalLog(),
            dashboard.routes());
    links = new DashboardLinks(signer, Duration.ofHours(12), clock);
    links.serveAt("http://127.0.0.1:" + server.port());
  }

  @AfterEach
  void stop() {
    dashboard.close();
    server.close();
    pollcast.close();
  }

  @Test
  void pagesCarryTheSecurityHeadersAndOnlyTheOverlayMayBeFramed() throws Exception {
    HttpClient browser = browser();
    HttpResponse<String> page = get(browser, link(HOST));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.uri().getQuery()).isNull(); // the token moved into a cookie
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(page.body()).contains("Personalisatie, profiling en privacy");

    String overlay = links.overlay(68).orElseThrow().url();
    HttpResponse<String> shown = get(HttpClient.newHttpClient(), overlay);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.headers().firstValue("X-Frame-Options")).isEmpty();
    assertThat(shown.headers().firstValue("Content-Security-Policy").orElseThrow())
        .doesNotContain("frame-ancestors");
    assertThat(get(HttpClient.newHttpClient(), base() + "/dashboard").statusCode()).isEqualTo(401);
    assertThat(get(HttpClient.newHttpClient(), overlay.replace("/68?", "/69?")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void formsNeedTheirCsrfTokenAndAHostsLink() throws Exception {
    HttpClient host = browser();
    String page = get(host, link(HOST)).body();
    String episodePage = get(host, base() + "/dashboard/episodes/68").body();
    Matcher csrf = CSRF.matcher(episodePage);
    assertThat(page).isNotEmpty();
    assertThat(csrf.find()).isTrue();

    HttpResponse<String> forged = post(host, "/dashboard/episodes/68/start", "csrf=forged");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("er is niets veranderd");
    assertThat(pollcast.service().episodes().get(0).openPolls()).isZero();

    HttpClient moderator = browser();
    get(moderator, link(MODERATOR));
    Matcher moderatorCsrf = CSRF.matcher(get(moderator, base() + "/dashboard/episodes/68").body());
    assertThat(moderatorCsrf.find()).isFalse(); // no forms for a moderator
    assertThat(
            post(moderator, "/dashboard/episodes/68/start", "csrf=" + csrf.group(1)).statusCode())
        .isEqualTo(403);
    assertThat(pollcast.service().episodes().get(0).openPolls()).isZero();

    HttpResponse<String> started =
        post(host, "/dashboard/episodes/68/start", "csrf=" + csrf.group(1));
    assertThat(started.statusCode()).isEqualTo(200);
    assertThat(pollcast.service().episodes().get(0).openPolls()).isEqualTo(3);
    assertThat(pollcast.service().audit().entries())
        .anySatisfy(
            entry -> {
              assertThat(entry.action()).isEqualTo("start");
              assertThat(entry.displayName()).isEqualTo("Hanna Host");
            });
  }

  @Test
  void hostsFeatureReasonsFromThePageWhileModeratorsOnlyLook() throws Exception {
    pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    pollcast.handler().handleLine(VOTER, Place.CONSOLE, "/vote 68.1 Eens").join();
    pollcast.handler().handleLine(VOTER, Place.CONSOLE, "/why 68.1 <script>x()</script>").join();
    long id = pollcast.reasons().all(68, 1).get(0).id();
    String path = "/dashboard/episodes/68/theses/1/reasons";

    HttpClient moderator = browser();
    get(moderator, link(MODERATOR));
    String seen = get(moderator, base() + path).body();
    assertThat(seen).contains("&lt;script&gt;x()&lt;/script&gt;").doesNotContain("<script>x");
    assertThat(seen).doesNotContain("voter-4711", "anna", "name=\"csrf\"");
    Matcher moderatorCsrf = CSRF.matcher(get(moderator, base() + "/dashboard/episodes/68").body());
    assertThat(moderatorCsrf.find()).isFalse();

    HttpClient host = browser();
    get(host, link(HOST));
    Matcher csrf = CSRF.matcher(get(host, base() + path).body());
    assertThat(csrf.find()).isTrue();
    String form = "csrf=" + csrf.group(1) + "&reason=" + id + "&state=FEATURED";
    assertThat(post(moderator, path, form).statusCode()).isEqualTo(403);
    assertThat(post(host, path, "csrf=forged&reason=" + id + "&state=FEATURED").statusCode())
        .isEqualTo(403);
    assertThat(pollcast.reasons().all(68, 1).get(0).state()).isEqualTo(ReasonState.SHOWN);

    HttpResponse<String> featured = post(host, path, form);
    assertThat(featured.statusCode()).isEqualTo(200);
    assertThat(featured.uri().getPath()).isEqualTo(path);
    assertThat(pollcast.reasons().all(68, 1).get(0).state()).isEqualTo(ReasonState.FEATURED);
    assertThat(pollcast.service().audit().entries())
        .filteredOn(entry -> entry.action().equals("feature"))
        .extracting(AuditEntry::displayName)
        .containsExactly("Hanna Host");
    assertThat(post(host, path, "csrf=" + csrf.group(1) + "&reason=99&state=HIDDEN").statusCode())
        .isEqualTo(409);
  }

  @Test
  void theEventStreamShowsNewVotesAndNothingAboutTheVoter() throws Exception {
    pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    HttpClient host = browser();
    get(host, link(HOST));
    HttpResponse<InputStream> stream =
        host.send(
            HttpRequest.newBuilder(URI.create(base() + "/dashboard/episodes/68/events"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    try (BufferedReader events =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      assertThat(nextData(events)).contains("\"voters\":0");

      long pollId = pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
      pollcast.votes().vote(VOTER, Place.CONSOLE, pollId, 0).join();

      String update = nextData(events);
      assertThat(update).contains("\"votes\":1").contains("\"console\"");
      assertThat(update).doesNotContain("voter-4711", "anna");
      Await.until(() -> dashboard.livePages() == 1);
    }
  }

  @Test
  void anAddressThatGuessesTokensIsStoppedEvenWithAGoodOne() throws Exception {
    HttpClient guesser = HttpClient.newHttpClient();
    for (int i = 0; i < TokenRateLimit.MAX_FAILURES; i++) {
      assertThat(get(guesser, base() + "/dashboard?t=guess" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> limited = get(browser(), link(HOST));
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.body()).contains("Te veel pogingen");

    clock.advance(Duration.ofMinutes(1));
    assertThat(get(browser(), link(HOST)).statusCode()).isEqualTo(200);
  }

  /** The data of the next event. */
  private static String nextData(BufferedReader events) throws Exception {
    String line;
    while ((line = events.readLine()) != null) {
      if (line.startsWith("data:")) {
        return line;
      }
    }
    throw new AssertionError("the event stream ended");
  }

  private String link(Actor actor) {
    return links.dashboard(actor, Place.CONSOLE).orElseThrow().url();
  }

  private String base() {
    return "http://127.0.0.1:" + server.port();
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
