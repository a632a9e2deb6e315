package io.pollcast.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.util.Optional;

/**
 * Checks the link a request comes with. A dashboard link's token arrives once in the address
 * ({@code ?t=}), is moved into an HTTP-only cookie for the dashboard's paths and the address is
 * redirected without it, so the token stays out of the history and of what is shared on screen; an
 * overlay keeps its token in its address (a streaming program has no cookies to speak of). A
 * missing, forged or expired token gets 401 with a page that says how to get a new link; an address
 * that failed too often gets 429 ({@link TokenRateLimit}).
 */
final class Access {
  static final String COOKIE = "pollcast_link";

  private final LinkSigner signer;
  private final TokenRateLimit limit;
  private final Pages pages;
  private final Clock clock;
  private final boolean secureCookies;

  Access(LinkSigner signer, TokenRateLimit limit, Pages pages, Clock clock, boolean secure) {
    this.signer = signer;
    this.limit = limit;
    this.pages = pages;
    this.clock = clock;
    this.secureCookies = secure;
  }

  /**
   * The session of a dashboard request, or empty once the request has been answered (401, 429, or
   * the redirect that takes the token out of the address).
   */
  Optional<Session> dashboard(Context ctx) {
    String fromAddress = ctx.queryParam(DashboardLinks.TOKEN);
    String token = fromAddress != null ? fromAddress : ctx.cookie(COOKIE);
    Optional<LinkClaims> claims = check(ctx, token).filter(LinkClaims::dashboard);
    if (claims.isEmpty()) {
      refuse(ctx);
      return Optional.empty();
    }
    if (fromAddress != null) {
      int seconds = (int) Math.max(1, claims.get().expires() - clock.instant().getEpochSecond());
      ctx.cookie(
          new Cookie(
              COOKIE, token, "/dashboard", seconds, secureCookies, true, null, SameSite.LAX));
      ctx.redirect(ctx.path(), HttpStatus.SEE_OTHER);
      return Optional.empty();
    }
    return Optional.of(new Session(claims.get(), signer.csrf(token), token));
  }

  /** The claims of an overlay request for {@code episode}, or empty once answered with 401/429. */
  Optional<LinkClaims> overlay(Context ctx, int episode) {
    Optional<LinkClaims> claims =
        check(ctx, ctx.queryParam(DashboardLinks.TOKEN))
            .filter(c -> c.role() == LinkClaims.LinkRole.OVERLAY && c.episode() == episode);
    if (claims.isEmpty()) {
      refuse(ctx);
    }
    return claims;
  }

  /** Whether a form's CSRF token belongs to the session. */
  boolean csrfMatches(Session session, String offered) {
    return signer.csrfMatches(session.token(), offered);
  }

  private Optional<LinkClaims> check(Context ctx, String token) {
    if (!limit.allows(ctx.ip())) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      return Optional.empty();
    }
    Optional<LinkClaims> claims = signer.verify(token);
    if (claims.isEmpty()) {
      limit.failed(ctx.ip());
    }
    return claims;
  }

  private void refuse(Context ctx) {
    if (ctx.status() == HttpStatus.TOO_MANY_REQUESTS) {
      pages.message(ctx, HttpStatus.TOO_MANY_REQUESTS, "limited.title", "limited.text");
    } else {
      pages.message(ctx, HttpStatus.UNAUTHORIZED, "denied.title", "denied.text");
    }
  }

  /**
   * A dashboard visitor.
   *
   * @param claims what their link grants
   * @param csrf the token their forms carry
   * @param token their link's token
   */
  record Session(LinkClaims claims, String csrf, String token) {}
}
