package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's HTTP side on 127.0.0.1: the Web API under {@code /api/}, and the absolute URLs the
 * fake hands out in payloads and replies: {@code /response/<id>} ({@code response_url}) and {@code
 * /upload/<file id>} ({@code filesUploadV2}'s upload step).
 *
 * <p>It turns HTTP into calls on {@link WebApiMethods}, journals each Web API call, and stores what
 * is posted to the other URLs in the {@link Workspace}. Requests are served by a small owned pool,
 * so a bot's concurrent calls are handled concurrently.
 */
final class WebApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebApiServer.class);

  /*
   * Without TCP_NODELAY the JDK server writes a reply's headers and body as two small segments,
   * and Nagle's algorithm holds the second until the client's delayed ACK: ~40 ms a call instead
   * of ~2 ms. The property is read once, when the JVM creates its first HttpServer.
   */
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String baseUrl;

  /** Binds an ephemeral port; nothing is served until {@link #start}. */
  WebApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            4,
            task -> {
              Thread thread = new Thread(task, "fake-slack-http-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The server's root, {@code http://127.0.0.1:<port>/}. */
  String baseUrl() {
    return baseUrl;
  }

  void start(
      WebApiMethods methods, CallJournal journal, Workspace workspace, RateLimits rateLimits) {
    server.createContext(
        "/api/", exchange -> serve(exchange, () -> api(exchange, methods, journal, rateLimits)));
    server.createContext(
        "/response/", exchange -> serve(exchange, () -> responseUrl(exchange, workspace)));
    server.createContext(
        "/upload/", exchange -> serve(exchange, () -> upload(exchange, workspace)));
    server.setExecutor(executor);
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static Reply api(
      HttpExchange exchange, WebApiMethods methods, CallJournal journal, RateLimits rateLimits)
      throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    Map<String, String> params = params(exchange);
    Optional<String> token =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
            .filter(header -> header.startsWith("Bearer "))
            .map(header -> header.substring("Bearer ".length()))
            .or(() -> Optional.ofNullable(params.get("token")));
    if (rateLimits.refuses(method)) {
      journal.record(new ApiCall(method, params, token, Optional.of("ratelimited")));
      return Reply.json(429, Json.object().put("ok", false).put("error", "ratelimited"))
          .withRetryAfter(RateLimits.RETRY_AFTER_SECONDS);
    }
    if (rateLimits.fails(method)) {
      journal.record(new ApiCall(method, params, token, Optional.of("internal_error")));
      return Reply.json(500, Json.object().put("ok", false).put("error", "internal_error"));
    }
    JsonNode reply =
        journal.performAndRecord(
            () -> methods.call(method, params, token),
            answer -> new ApiCall(method, params, token, errorOf(answer)));
    return Reply.json(200, reply);
  }

  private static Optional<String> errorOf(JsonNode reply) {
    return reply.path("ok").asBoolean()
        ? Optional.empty()
        : Optional.of(reply.path("error").asText());
  }

  private Reply responseUrl(HttpExchange exchange, Workspace workspace) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode json;
    try {
      json = Json.parse(body);
    } catch (IllegalArgumentException e) {
      return Reply.json(400, Json.object().put("ok", false).put("error", "invalid_payload"));
    }
    String url = baseUrl + exchange.getRequestURI().getPath().substring(1);
    workspace.recordResponsePost(url, json);
    return Reply.json(200, Json.object().put("ok", true));
  }

  private static Reply upload(HttpExchange exchange, Workspace workspace) throws IOException {
    String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    if (!workspace.upload(fileId, bytes)) {
      return new Reply(404, "text/plain", "no upload URL issued for " + fileId);
    }
    return new Reply(200, "text/plain", "OK - " + bytes.length);
  }

  /** Form fields, or the top-level fields of a JSON body (nested values kept as JSON text). */
  private static Map<String, String> params(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> params = new LinkedHashMap<>();
    Optional.ofNullable(exchange.getRequestURI().getRawQuery())
        .ifPresent(q -> decodeForm(q, params));
    String type =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
    if (type.startsWith("application/json")) {
      Json.parse(body)
          .properties()
          .forEach(
              field ->
                  params.put(
                      field.getKey(),
                      field.getValue().isTextual()
                          ? field.getValue().asText()
                          : Json.write(field.getValue())));
    } else {
      decodeForm(body, params);
    }
    return params;
  }

  private static void decodeForm(String form, Map<String, String> into) {
    for (String pair : form.split("&", -1)) {
      if (!pair.isEmpty()) {
        String[] parts = pair.split("=", 2);
        into.put(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
    }
  }

  private static void serve(HttpExchange exchange, ReplySource source) {
    try {
      Reply reply;
      try {
        reply = source.get();
      } catch (RuntimeException | IOException e) {
        LOG.error("Fake Slack failed to serve {}", exchange.getRequestURI(), e);
        reply = new Reply(500, "text/plain", "fake Slack failed: " + e);
      }
      byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      reply.retryAfter().ifPresent(s -> exchange.getResponseHeaders().set("Retry-After", s));
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      exchange.close();
    }
  }

  @FunctionalInterface
  private interface ReplySource {
    Reply get() throws IOException;
  }

  private record Reply(int status, String contentType, String body, Optional<String> retryAfter) {
    Reply(int status, String contentType, String body) {
      this(status, contentType, body, Optional.empty());
    }

    static Reply json(int status, JsonNode json) {
      return new Reply(status, "application/json; charset=utf-8", Json.write(json));
    }

    Reply withRetryAfter(int seconds) {
      return new Reply(status, contentType, body, Optional.of(String.valueOf(seconds)));
    }
  }
}
