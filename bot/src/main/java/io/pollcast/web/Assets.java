package io.pollcast.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's style sheets and its one script, from the classpath ({@code
 * io/pollcast/web/assets}). Only the files named here are served: a path never reaches the
 * classpath.
 */
final class Assets {
  private static final Map<String, String> FILES =
      Map.of(
          "dashboard.css", "text/css; charset=utf-8",
          "overlay.css", "text/css; charset=utf-8",
          "live.js", "text/javascript; charset=utf-8");

  private Assets() {}

  static void serve(Context ctx) {
    String name = ctx.pathParam("file");
    String type = FILES.get(name);
    if (type == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("");
      return;
    }
    try (InputStream in = Assets.class.getResourceAsStream("assets/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing asset " + name);
      }
      ctx.contentType(type).header("Cache-Control", "max-age=300").result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
