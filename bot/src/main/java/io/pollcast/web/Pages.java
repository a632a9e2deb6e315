package io.pollcast.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pollcast.domain.EpisodeSummary;
import io.pollcast.text.Messages;
import java.util.List;
import java.util.Map;

/** Renders the dashboard's pages into answers, in the configured language. Thread-safe. */
final class Pages {
  private final Templates templates = new Templates();
  private final Messages t;

  Pages(Messages t) {
    this.t = t;
  }

  Messages texts() {
    return t;
  }

  /** A page with a heading and a sentence, such as the 401 page, and no navigation. */
  void message(Context ctx, HttpStatus status, String titleKey, String textKey) {
    message(ctx, status, t.get(titleKey), t.get(textKey), false, "", "");
  }

  /** The outcome of a host's action on an episode, with a link back to it. */
  void result(Context ctx, HttpStatus status, int episode, String text) {
    message(
        ctx,
        status,
        t.get("result.heading", episode),
        text,
        true,
        "/dashboard/episodes/" + episode,
        t.get("result.back", episode));
  }

  /** The outcome of a host's action, with a link back to the page it came from. */
  void result(Context ctx, HttpStatus status, String backLink, String text) {
    message(ctx, status, t.get("reasons.result"), text, true, backLink, t.get("reasons.back"));
  }

  private void message(
      Context ctx,
      HttpStatus status,
      String heading,
      String text,
      boolean signedIn,
      String backLink,
      String backText) {
    PageModel page = new PageModel(t, heading, false, "", signedIn);
    ctx.status(status)
        .html(
            templates.render(
                "message.jte",
                Map.of(
                    "page", page,
                    "heading", heading,
                    "text", text,
                    "backLink", backLink,
                    "backText", backText)));
  }

  void reasons(
      Context ctx, Access.Session session, int episode, int thesis, List<ReasonLine> reasons) {
    PageModel page =
        new PageModel(
            t,
            t.get("reasons.heading", episode, thesis),
            session.claims().host(),
            session.csrf(),
            true);
    ctx.html(
        templates.render(
            "reasons.jte",
            Map.of(
                "page",
                page,
                "episode",
                episode,
                "thesis",
                thesis,
                "action",
                ReasonsPage.path(episode, thesis),
                "reasons",
                reasons)));
  }

  void episodes(Context ctx, List<EpisodeSummary> episodes) {
    PageModel page = new PageModel(t, t.get("episodes.heading"), false, "", true);
    ctx.html(templates.render("episodes.jte", Map.of("page", page, "episodes", episodes)));
  }

  void episode(
      Context ctx, Access.Session session, TallyView tally, boolean anyOpen, String place) {
    PageModel page =
        new PageModel(
            t,
            t.get("episode.heading", tally.episode(), tally.title()),
            session.claims().host(),
            session.csrf(),
            true);
    ctx.html(
        templates.render(
            "episode.jte",
            Map.of("page", page, "tally", tally, "anyOpen", anyOpen, "startPlace", place)));
  }

  void audit(Context ctx, List<AuditRow> rows) {
    PageModel page = new PageModel(t, t.get("audit.heading"), false, "", true);
    ctx.html(templates.render("audit.jte", Map.of("page", page, "rows", rows)));
  }

  void overlay(Context ctx, TallyView tally, String events) {
    PageModel page = new PageModel(t, t.get("overlay.title"), false, "", false);
    ctx.html(
        templates.render("overlay.jte", Map.of("page", page, "tally", tally, "events", events)));
  }
}
