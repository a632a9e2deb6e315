package io.pollcast.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.ChartMaker;
import io.pollcast.poll.PollService;
import io.pollcast.poll.ReasonDesk;
import io.pollcast.storage.AuditEntry;
import io.pollcast.text.Messages;
import io.pollcast.text.ResultsCsv;
import io.pollcast.text.TextRenderer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard for moderators and hosts and the overlay for a live recording, as routes on the
 * bot's {@link WebServer}: the episodes, an episode's live tally with its downloads (CSV, chart
 * PNG) and, for hosts, forms that start and close its polls; the audit log; the overlay. Every page
 * needs a signed link ({@link Access}); pages show counts only, never who voted. Each thesis links
 * to its members' reasons ({@link ReasonsPage}), which hosts feature or hide from there.
 */
public final class Dashboard implements AutoCloseable {
  private final PollService service;
  private final TextRenderer texts;
  private final ChartMaker charts;
  private final Pages pages;
  private final Access access;
  private final TallyFeed feed;
  private final DashboardActions actions;
  private final ReasonsPage reasons;

  /**
   * Wires the dashboard; its live updates start at once.
   *
   * @param secureCookies whether the session cookie is for https only (a public https URL)
   */
  public Dashboard(
      PollService service,
      ReasonDesk reasons,
      TextRenderer texts,
      ChartMaker charts,
      LinkSigner signer,
      Clock clock,
      boolean secureCookies) {
    this.service = service;
    this.texts = texts;
    this.charts = charts;
    this.pages = new Pages(new Messages("io.pollcast.web.web", texts.messages().language()));
    this.access = new Access(signer, new TokenRateLimit(clock), pages, clock, secureCookies);
    this.feed = new TallyFeed(episode -> view(service.results(episode)));
    this.actions = new DashboardActions(service, texts, pages, access);
    this.reasons = new ReasonsPage(reasons, texts, pages, access);
  }

  /** The routes to mount on the web server. */
  public List<WebRoute> routes() {
    return List.of(
        WebRoute.get("/", ctx -> ctx.redirect("/dashboard", HttpStatus.SEE_OTHER)),
        WebRoute.get("/dashboard", SecurityHeaders.page(this::episodes)),
        WebRoute.get("/dashboard/audit", SecurityHeaders.page(this::audit)),
        WebRoute.get("/dashboard/episodes/{episode}", SecurityHeaders.page(this::episode)),
        WebRoute.get("/dashboard/episodes/{episode}/events", SecurityHeaders.page(this::events)),
        WebRoute.get("/dashboard/episodes/{episode}/tally.csv", SecurityHeaders.page(this::csv)),
        WebRoute.get("/dashboard/episodes/{episode}/chart.png", SecurityHeaders.page(this::chart)),
        WebRoute.post("/dashboard/episodes/{episode}/start", SecurityHeaders.page(actions::start)),
        WebRoute.post("/dashboard/episodes/{episode}/close", SecurityHeaders.page(actions::close)),
        WebRoute.get(
            "/dashboard/episodes/{episode}/theses/{thesis}/reasons",
            SecurityHeaders.page(reasons::show)),
        WebRoute.post(
            "/dashboard/episodes/{episode}/theses/{thesis}/reasons",
            SecurityHeaders.page(reasons::set)),
        WebRoute.get("/overlay/{episode}", SecurityHeaders.overlay(this::overlay)),
        WebRoute.get("/overlay/{episode}/events", SecurityHeaders.overlay(this::overlayEvents)),
        WebRoute.get("/assets/{file}", SecurityHeaders.overlay(Assets::serve)));
  }

  /** Open pages with live updates, for tests and the benchmark. */
  public int livePages() {
    return feed.watching();
  }

  private void episodes(Context ctx) {
    if (access.dashboard(ctx).isPresent()) {
      pages.episodes(ctx, service.episodes());
    }
  }

  private void episode(Context ctx) {
    Optional<Access.Session> session = access.dashboard(ctx);
    if (session.isEmpty()) {
      return;
    }
    results(ctx)
        .ifPresent(
            results ->
                pages.episode(
                    ctx,
                    session.get(),
                    view(results),
                    results.theses().stream().anyMatch(ThesisResult::open),
                    actions.placeName(session.get().claims())));
  }

  private void events(Context ctx) throws Exception {
    if (access.dashboard(ctx).isPresent() && results(ctx).isPresent()) {
      int episode = episodeNumber(ctx).orElseThrow();
      new SseHandler(client -> feed.watch(episode, client)).handle(ctx);
    }
  }

  private void csv(Context ctx) {
    if (access.dashboard(ctx).isPresent()) {
      results(ctx)
          .ifPresent(
              results ->
                  ctx.contentType(ResultsCsv.MEDIA_TYPE + "; charset=utf-8")
                      .header(
                          "Content-Disposition",
                          "attachment; filename=\"" + ResultsCsv.fileName(results.episode()) + "\"")
                      .result(ResultsCsv.of(results)));
    }
  }

  private void chart(Context ctx) {
    if (access.dashboard(ctx).isEmpty()) {
      return;
    }
    Optional<EpisodeResults> results = results(ctx);
    if (results.isPresent() && results.get().theses().isEmpty()) {
      pages.message(ctx, HttpStatus.NOT_FOUND, "unknown.title", "episode.not-started");
    } else if (results.isPresent()) {
      ctx.contentType("image/png")
          .header(
              "Content-Disposition",
              "attachment; filename=\"pollcast-" + results.get().episode() + ".png\"")
          .result(charts.render(results.get()).png());
    }
  }

  private void audit(Context ctx) {
    if (access.dashboard(ctx).isEmpty()) {
      return;
    }
    Messages t = pages.texts();
    List<AuditEntry> entries = new ArrayList<>(service.audit().entries());
    Collections.reverse(entries);
    List<AuditRow> rows =
        entries.stream()
            .map(
                entry ->
                    new AuditRow(
                        texts.dateTime(entry.at()),
                        entry.displayName(),
                        t.get("platform." + entry.platform()),
                        entry.action(),
                        entry.episode().map(String::valueOf).orElse(""),
                        entry.detail()))
            .toList();
    pages.audit(ctx, rows);
  }

  private void overlay(Context ctx) {
    Optional<Integer> episode = episodeNumber(ctx);
    if (episode.isEmpty()) {
      pages.message(ctx, HttpStatus.NOT_FOUND, "unknown.title", "unknown.text");
      return;
    }
    if (access.overlay(ctx, episode.get()).isEmpty()) {
      return;
    }
    results(ctx)
        .ifPresent(
            results -> {
              TallyView view = view(results);
              String thesis = ctx.queryParam("thesis");
              if (thesis != null && thesis.matches("\\d{1,3}")) {
                view = view.only(Integer.parseInt(thesis));
              }
              String token =
                  URLEncoder.encode(
                      ctx.queryParam(DashboardLinks.TOKEN), StandardCharsets.US_ASCII);
              pages.overlay(
                  ctx,
                  view,
                  "/overlay/"
                      + results.episode()
                      + "/events?"
                      + DashboardLinks.TOKEN
                      + "="
                      + token);
            });
  }

  private void overlayEvents(Context ctx) throws Exception {
    Optional<Integer> episode = episodeNumber(ctx);
    if (episode.isEmpty()) {
      pages.message(ctx, HttpStatus.NOT_FOUND, "unknown.title", "unknown.text");
    } else if (access.overlay(ctx, episode.get()).isPresent() && results(ctx).isPresent()) {
      new SseHandler(client -> feed.watch(episode.get(), client)).handle(ctx);
    }
  }

  private TallyView view(EpisodeResults results) {
    return TallyView.of(results, pages.texts(), texts.messages());
  }

  /** The episode of the path's results, or empty once answered with 404. */
  private Optional<EpisodeResults> results(Context ctx) {
    Optional<Integer> episode = episodeNumber(ctx);
    try {
      if (episode.isPresent()) {
        return Optional.of(service.results(episode.get()));
      }
    } catch (RefusedException e) {
      // no such episode: answered below
    }
    pages.message(ctx, HttpStatus.NOT_FOUND, "unknown.title", "unknown.text");
    return Optional.empty();
  }

  /** The episode number in the path, if it is one. */
  static Optional<Integer> episodeNumber(Context ctx) {
    String value = ctx.pathParam("episode");
    return value.matches("\\d{1,6}") ? Optional.of(Integer.parseInt(value)) : Optional.empty();
  }

  @Override
  public void close() {
    feed.close();
  }
}
