package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST side of the fake: an HTTP server on 127.0.0.1 (ephemeral port) that routes {@code
 * /api/v10/...} requests to handlers and journals every request with the status it got.
 *
 * <p>Unknown routes answer 404 with Discord's error JSON and are journalled as unrouted, so a test
 * can assert the bot called nothing the fake does not model. Like Discord, it refuses a wrong bot
 * token, except on interaction and webhook routes, which are authorised by the interaction token.
 * Handlers run on a small pool owned by the server and may be called concurrently.
 */
final class FakeRestServer implements AutoCloseable {
  private static final String API_PREFIX = "/api/v10/";
  private static final String FILES_PREFIX = "/attachments/";

  /** What a route receives: the path below the API base and its captured segments. */
  record Call(String method, String path, String query, Map<String, String> params, JsonNode body) {
    String param(String name) {
      return Objects.requireNonNull(params.get(name), name);
    }
  }

  /** What a route answers; a missing body means no content. */
  record Reply(int status, JsonNode body, Map<String, String> headers) {
    Reply(int status, JsonNode body) {
      this(status, body, Map.of());
    }

    static Reply json(JsonNode body) {
      return new Reply(200, body);
    }

    static Reply noContent() {
      return new Reply(204, MissingNode.getInstance());
    }

    /** An error as Discord reports it, e.g. 404 with code 10008 for an unknown message. */
    static Reply error(int status, int code, String message) {
      return new Reply(status, Json.object().put("message", message).put("code", code));
    }
  }

  /** Answers one route; may be called from several threads at once. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Call call);
  }

  private record Route(String method, RouteTemplate template, Handler handler) {}

  private final ChangeSignal signal;
  private final String authorization;
  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> journal = new ArrayList<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final InjectedFaults faults = new InjectedFaults();
  private final ExecutorService executor;
  private final HttpServer server;

  FakeRestServer(ChangeSignal signal, String botToken) throws IOException {
    this.signal = signal;
    this.authorization = "Bot " + botToken;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            4,
            runnable -> {
              Thread thread =
                  new Thread(runnable, "fake-discord-rest-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::exchange);
    server.createContext(FILES_PREFIX, this::file);
    server.start();
  }

  /** Adds a route; the first route that matches a request handles it. */
  void route(String method, String pathTemplate, Handler handler) {
    routes.add(new Route(method, RouteTemplate.parse(pathTemplate), handler));
  }

  /** The base URL to give JDA's {@code RestConfig}, ending in {@code /api/v10/}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + API_PREFIX;
  }

  /**
   * Serves {@code content} at the returned URL, outside the API and without a token, as Discord's
   * CDN serves attachments.
   */
  String serveFile(String id, String fileName, byte[] content) {
    String path = FILES_PREFIX + id + "/" + fileName;
    files.put(path, content.clone());
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The failures the server answers in place of its routes while a test wants them. */
  InjectedFaults faults() {
    return faults;
  }

  List<RecordedRequest> journal() {
    synchronized (journal) {
      return List.copyOf(journal);
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] requestBody;
      try (InputStream in = exchange.getRequestBody()) {
        requestBody = in.readAllBytes();
      }
      String method = exchange.getRequestMethod();
      // Decoded: JDA percent-encodes route parameters, so "@original" arrives as "%40original".
      String fullPath = exchange.getRequestURI().getPath();
      String path =
          fullPath.startsWith(API_PREFIX) ? fullPath.substring(API_PREFIX.length()) : fullPath;
      String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
      JsonNode body = Json.parseBody(requestBody);

      Optional<Reply> routed =
          faults.answer(method, path).or(() -> dispatch(exchange, method, path, query, body));
      Reply reply =
          routed.orElseGet(
              () -> Reply.error(404, 0, "404: Not Found (" + method + " " + path + ")"));
      record(
          new RecordedRequest(
              method, path, query, body, reply.status(), routed.isPresent(), Instant.now()));
      respond(exchange, reply);
    }
  }

  private void file(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] content = "GET".equals(exchange.getRequestMethod()) ? files.get(path) : null;
      int status = content == null ? 404 : 200;
      record(
          new RecordedRequest(
              exchange.getRequestMethod(),
              path.substring(1),
              "",
              MissingNode.getInstance(),
              status,
              content != null,
              Instant.now()));
      if (content == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(200, content.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(content);
      }
    }
  }

  private Optional<Reply> dispatch(
      HttpExchange exchange, String method, String path, String query, JsonNode body) {
    for (Route route : routes) {
      if (!route.method().equals(method)) {
        continue;
      }
      Optional<Map<String, String>> params = route.template().matches(path);
      if (params.isEmpty()) {
        continue;
      }
      if (!authorised(exchange, path)) {
        return Optional.of(Reply.error(401, 0, "401: Unauthorized"));
      }
      try {
        return Optional.of(
            route.handler().handle(new Call(method, path, query, params.get(), body)));
      } catch (RuntimeException e) {
        return Optional.of(Reply.error(500, 0, "Fake Discord failed: " + e));
      }
    }
    return Optional.empty();
  }

  private boolean authorised(HttpExchange exchange, String path) {
    if (path.startsWith("interactions/") || path.startsWith("webhooks/")) {
      return true;
    }
    return authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private void record(RecordedRequest request) {
    synchronized (journal) {
      journal.add(request);
    }
    signal.signalAll();
  }

  private static void respond(HttpExchange exchange, Reply reply) throws IOException {
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (reply.body().isMissingNode()) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes = Json.write(reply.body()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
