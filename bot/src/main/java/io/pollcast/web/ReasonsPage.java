package io.pollcast.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pollcast.domain.Reason;
import io.pollcast.domain.ReasonState;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.ReasonDesk;
import io.pollcast.text.TextRenderer;
import io.pollcast.text.VoteTexts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reasons of a thesis on the dashboard, newest first, hidden ones marked; a host's link adds a
 * form per reason to feature it, hide it or make it ordinary again. Each form is a POST with the
 * page's CSRF token; the reason desk checks the role again and writes the audit log under the
 * host's name, as the chat's {@code /poll feature} does. Moderators see the list but get no forms,
 * and their posts are refused. No name, id or pseudonym of a member is shown.
 */
final class ReasonsPage {
  private static final Logger LOG = LoggerFactory.getLogger(ReasonsPage.class);
  static final String REASON = "reason";
  static final String STATE = "state";

  private final ReasonDesk reasons;
  private final TextRenderer texts;
  private final Pages pages;
  private final Access access;

  ReasonsPage(ReasonDesk reasons, TextRenderer texts, Pages pages, Access access) {
    this.reasons = reasons;
    this.texts = texts;
    this.pages = pages;
    this.access = access;
  }

  /** {@code GET /dashboard/episodes/68/theses/1/reasons}. */
  void show(Context ctx) {
    Optional<Access.Session> session = access.dashboard(ctx);
    if (session.isEmpty()) {
      return;
    }
    Optional<int[]> thesis = thesis(ctx);
    if (thesis.isEmpty()) {
      return;
    }
    int episode = thesis.get()[0];
    int number = thesis.get()[1];
    List<ReasonLine> lines;
    try {
      lines = reasons.all(episode, number).stream().map(this::line).toList();
    } catch (RefusedException e) {
      pages.message(ctx, HttpStatus.NOT_FOUND, "unknown.title", "unknown.text");
      return;
    }
    pages.reasons(ctx, session.get(), episode, number, lines);
  }

  /** {@code POST .../reasons} with {@code reason}, {@code state} and {@code csrf}: hosts only. */
  void set(Context ctx) {
    Optional<Access.Session> session = access.dashboard(ctx);
    if (session.isEmpty()) {
      return;
    }
    if (!access.csrfMatches(session.get(), ctx.formParam(DashboardActions.CSRF))) {
      pages.message(ctx, HttpStatus.FORBIDDEN, "csrf.title", "csrf.text");
      return;
    }
    if (!session.get().claims().host()) {
      pages.message(ctx, HttpStatus.FORBIDDEN, "host.title", "reasons.host-only");
      return;
    }
    Optional<int[]> thesis = thesis(ctx);
    Optional<ReasonState> state = state(ctx.formParam(STATE));
    String id = Optional.ofNullable(ctx.formParam(REASON)).orElse("");
    if (thesis.isEmpty()) {
      return;
    }
    String back = path(thesis.get()[0], thesis.get()[1]);
    if (state.isEmpty() || !id.matches("[1-9][0-9]{0,17}")) {
      pages.result(ctx, HttpStatus.BAD_REQUEST, back, pages.texts().get("reasons.bad-form"));
      return;
    }
    try {
      reasons.set(
          session.get().claims().actor(),
          thesis.get()[0],
          thesis.get()[1],
          Long.parseLong(id),
          state.get());
      ctx.redirect(back, HttpStatus.SEE_OTHER);
    } catch (RefusedException e) {
      pages.result(ctx, HttpStatus.CONFLICT, back, texts.refusal(e));
    } catch (RuntimeException e) {
      LOG.error("A host's choice of a reason from the dashboard failed", e);
      pages.result(
          ctx, HttpStatus.INTERNAL_SERVER_ERROR, back, texts.messages().get("error.internal"));
    }
  }

  /** The page's address. */
  static String path(int episode, int thesis) {
    return "/dashboard/episodes/" + episode + "/theses/" + thesis + "/reasons";
  }

  private ReasonLine line(Reason reason) {
    return new ReasonLine(
        reason.shortId(),
        reason.id(),
        reason.round().map(r -> VoteTexts.roundName(texts.messages(), r)).orElse(""),
        texts.dateTime(reason.givenAt()),
        reason.state().name(),
        pages.texts().get("reason.state." + reason.state().name()),
        reason.text());
  }

  /** The episode and thesis in the path, or empty once answered with 404. */
  private Optional<int[]> thesis(Context ctx) {
    Optional<Integer> episode = Dashboard.episodeNumber(ctx);
    String thesis = ctx.pathParam("thesis");
    if (episode.isEmpty() || !thesis.matches("\\d{1,3}")) {
      pages.message(ctx, HttpStatus.NOT_FOUND, "unknown.title", "unknown.text");
      return Optional.empty();
    }
    return Optional.of(new int[] {episode.get(), Integer.parseInt(thesis)});
  }

  private static Optional<ReasonState> state(String posted) {
    if (posted == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(ReasonState.valueOf(posted.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
