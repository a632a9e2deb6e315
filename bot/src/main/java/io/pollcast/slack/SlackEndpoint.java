package io.pollcast.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.pollcast.web.LogText;
import io.pollcast.web.RefusalLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: lets through to Bolt only what Slack signed, in the shape the bot
 * reads, once. In order: a body over {@value #MAX_BODY} bytes gets 413; a wrong, missing, stale or
 * future signature 401 ({@link RequestSignature}); a malformed command or interaction 400 ({@link
 * RequestShape}); a request carried out before 200 and nothing more ({@link SeenRequests}). Bolt
 * therefore never sees, and never logs, an unsigned body. Refusals are counted in the {@link
 * RefusalLog}, never logged one by one. Called on the web server's threads, several at a time.
 */
final class SlackEndpoint implements Handler {
  /** Slack's requests are a few kilobytes; anything far larger is not from Slack. */
  static final int MAX_BODY = 1 << 20;

  static final String TOO_LARGE = "Slack requests too large (413)";
  static final String UNSIGNED = "Slack requests with a wrong, missing or stale signature (401)";
  static final String MALFORMED = "malformed Slack requests (400)";
  static final String REPEATED = "Slack requests repeated, answered and ignored (200)";

  private static final Logger LOG = LoggerFactory.getLogger(SlackEndpoint.class);

  private final App app;
  private final SlackRequestParser parser;
  private final RequestSignature signature;
  private final SeenRequests seen;
  private final RefusalLog refusals;

  SlackEndpoint(App app, RequestSignature signature, SeenRequests seen, RefusalLog refusals) {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.signature = signature;
    this.seen = seen;
    this.refusals = refusals;
  }

  @Override
  public void handle(Context ctx) {
    if (ctx.req().getContentLengthLong() > MAX_BODY) {
      refuse(ctx, 413, TOO_LARGE, "too large");
      return;
    }
    byte[] body;
    try {
      body = ctx.req().getInputStream().readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      return; // the client went away, or was cut off for being slow and counted then
    }
    if (body.length > MAX_BODY) {
      refuse(ctx, 413, TOO_LARGE, "too large");
      return;
    }
    String signed = ctx.header("X-Slack-Signature");
    Optional<Instant> signedAt =
        signature.verify(ctx.header("X-Slack-Request-Timestamp"), signed, body);
    if (signedAt.isEmpty()) {
      refuse(ctx, 401, UNSIGNED, "invalid request");
      return;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    Optional<String> problem = RequestShape.problem(text, ctx.contentType());
    if (problem.isPresent()) {
      refuse(ctx, 400, MALFORMED, problem.get());
      return;
    }
    if (!seen.firstTime(signed, signedAt.get())) {
      refusals.count(REPEATED);
      ctx.status(200);
      return;
    }
    answer(ctx, run(ctx, text));
  }

  private Response run(Context ctx, String body) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    Request<?> request =
        parser.parse(
            SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(Map.of())
                .requestBody(body)
                .headers(new RequestHeaders(headers))
                .remoteAddress(ctx.ip())
                .build());
    try {
      return app.run(request);
    } catch (Exception e) {
      LOG.error("A Slack request failed: {}", LogText.quote(e.toString()));
      return Response.builder().statusCode(500).contentType("text/plain").body("error").build();
    }
  }

  private static void answer(Context ctx, Response response) {
    ctx.status(response.getStatusCode());
    if (response.getContentType() != null) {
      ctx.contentType(response.getContentType());
    }
    if (response.getBody() != null) {
      ctx.result(response.getBody());
    }
  }

  private void refuse(Context ctx, int status, String reason, String answer) {
    refusals.count(reason);
    ctx.status(status).contentType("text/plain").result(answer);
  }
}
