package io.pollcast.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode: Slack POSTs signed requests to {@code /slack/events} (commands, clicks and modal
 * submissions alike), served by the JDK's HTTP server in front of Bolt. Bolt verifies each
 * request's signature and timestamp and answers 401 to a forged or replayed one before any handler
 * runs. Put it behind a TLS-terminating proxy: Slack only calls https URLs.
 */
final class HttpTransport implements SlackTransport {
  static final String PATH = "/slack/events";

  /** Slack's requests are a few kilobytes; anything far larger is not from Slack. */
  private static final int MAX_BODY = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);

  /*
   * Without TCP_NODELAY the JDK server sends a reply's headers and body as two segments and
   * Nagle's algorithm holds the second until the client's delayed ACK (~40 ms). The JDK reads the
   * property when it creates its first server.
   */
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final App app;
  private final HttpServer server;
  private final ExecutorService threads;
  private final SlackRequestParser parser;
  private boolean closed;

  /** Binds {@code port} on every interface (0: any free port); serves nothing until started. */
  HttpTransport(App app, int port) throws IOException {
    this.app = app;
    this.parser = new SlackRequestParser(app.config());
    this.server = HttpServer.create(new InetSocketAddress(port), 0);
    this.threads = Executors.newFixedThreadPool(4, SlackBot.threads("pollcast-slack-http-"));
    server.createContext(PATH, this::serve);
    server.setExecutor(threads);
  }

  /** The port the server listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void start() {
    app.start();
    server.start();
    LOG.info("Taking Slack requests on port {} at {}", port(), PATH);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 405, "text/plain", "POST only");
        return;
      }
      byte[] body = read(exchange.getRequestBody());
      if (body.length > MAX_BODY) {
        reply(exchange, 413, "text/plain", "too large");
        return;
      }
      Response response = run(exchange, new String(body, StandardCharsets.UTF_8));
      reply(exchange, response.getStatusCode(), response.getContentType(), response.getBody());
    }
  }

  private Response run(HttpExchange exchange, String body) {
    Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
    Request<?> request =
        parser.parse(
            SlackRequestParser.HttpRequest.builder()
                .requestUri(exchange.getRequestURI().getPath())
                .queryString(Map.of())
                .requestBody(body)
                .headers(new RequestHeaders(headers))
                .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
                .build());
    try {
      return app.run(request);
    } catch (Exception e) {
      LOG.error("A Slack request failed", e);
      return Response.builder().statusCode(500).contentType("text/plain").body("error").build();
    }
  }

  private static byte[] read(InputStream in) throws IOException {
    return in.readNBytes(MAX_BODY + 1);
  }

  private static void reply(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.stop(0);
    threads.shutdown();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    app.stop();
  }
}
