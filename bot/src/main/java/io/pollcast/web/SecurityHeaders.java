package io.pollcast.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The headers every dashboard and overlay answer carries: a Content-Security-Policy that allows
 * only this server's own scripts, styles and images (no inline script, so injected markup cannot
 * run), no framing except for the overlay (a streaming program embeds it), no MIME sniffing, no
 * referrer (a link's token must not leak to another site) and no caching of pages that hold counts.
 */
final class SecurityHeaders {
  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " connect-src 'self'; form-action 'self'; base-uri 'none'";

  private SecurityHeaders() {}

  /** {@code handler} with the headers of a page that must not be framed. */
  static Handler page(Handler handler) {
    return ctx -> {
      common(ctx);
      ctx.header("Content-Security-Policy", POLICY + "; frame-ancestors 'none'");
      ctx.header("X-Frame-Options", "DENY");
      handler.handle(ctx);
    };
  }

  /** {@code handler} with the headers of the overlay, which any page may frame. */
  static Handler overlay(Handler handler) {
    return ctx -> {
      common(ctx);
      ctx.header("Content-Security-Policy", POLICY);
      handler.handle(ctx);
    };
  }

  private static void common(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
  }
}
