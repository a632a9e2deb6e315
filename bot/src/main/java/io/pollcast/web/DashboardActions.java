package io.pollcast.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.PollService;
import io.pollcast.text.TextRenderer;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's forms for hosts: start an episode's polls (in the channel where the host asked
 * for the link) and close them. Each is a POST that must carry the page's CSRF token; the poll
 * service checks the host's role again and writes the audit log under the host's name, as a chat
 * command would. The answer is the same text the chat would give.
 */
final class DashboardActions {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardActions.class);
  static final String CSRF = "csrf";

  private final PollService service;
  private final TextRenderer texts;
  private final Pages pages;
  private final Access access;

  DashboardActions(PollService service, TextRenderer texts, Pages pages, Access access) {
    this.service = service;
    this.texts = texts;
    this.pages = pages;
    this.access = access;
  }

  void start(Context ctx) {
    act(
        ctx,
        (claims, episode) ->
            texts.started(
                service.start(claims.actor(), claims.place(), episode, Optional.empty())));
  }

  void close(Context ctx) {
    act(ctx, (claims, episode) -> texts.closed(service.close(claims.actor(), episode)));
  }

  /** Where a host's link starts polls, in words: "the console", "discord channel 1200…". */
  String placeName(LinkClaims claims) {
    if (Platform.ofId(claims.platform()) == Platform.CONSOLE) {
      return pages.texts().get("place.console");
    }
    return pages
        .texts()
        .get("place.channel", pages.texts().get("platform." + claims.platform()), claims.channel());
  }

  private void act(Context ctx, BiFunction<LinkClaims, Integer, String> action) {
    Optional<Access.Session> session = access.dashboard(ctx);
    if (session.isEmpty()) {
      return;
    }
    if (!access.csrfMatches(session.get(), ctx.formParam(CSRF))) {
      pages.message(ctx, HttpStatus.FORBIDDEN, "csrf.title", "csrf.text");
      return;
    }
    if (!session.get().claims().host()) {
      pages.message(ctx, HttpStatus.FORBIDDEN, "host.title", "host.text");
      return;
    }
    Optional<Integer> episode = Dashboard.episodeNumber(ctx);
    if (episode.isEmpty()) {
      pages.message(ctx, HttpStatus.NOT_FOUND, "unknown.title", "unknown.text");
      return;
    }
    try {
      pages.result(
          ctx, HttpStatus.OK, episode.get(), action.apply(session.get().claims(), episode.get()));
    } catch (RefusedException e) {
      pages.result(ctx, HttpStatus.CONFLICT, episode.get(), texts.refusal(e));
    } catch (RuntimeException e) {
      LOG.error("A host's action from the dashboard failed", e);
      pages.result(
          ctx,
          HttpStatus.INTERNAL_SERVER_ERROR,
          episode.get(),
          texts.messages().get("error.internal"));
    }
  }
}
