package io.pollcast.slack.fake;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal HTTP-mode endpoint for tests: the JDK HTTP server in front of a Bolt {@link App}, as
 * the bot serves HTTP mode, so {@link SignedRequest#postTo} is proven over a real socket. Bolt does
 * the verification; this class only translates HTTP.
 */
final class BoltHttpEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  private BoltHttpEndpoint(App app) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SlackRequestParser parser = new SlackRequestParser(app.config());
    server.createContext("/slack/events", exchange -> serve(exchange, app, parser));
    server.setExecutor(executor);
  }

  static BoltHttpEndpoint start(App app) throws IOException {
    BoltHttpEndpoint endpoint = new BoltHttpEndpoint(app);
    endpoint.server.start();
    return endpoint;
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serve(HttpExchange exchange, App app, SlackRequestParser parser)
      throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
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
      Response response;
      try {
        response = app.run(request);
      } catch (Exception e) {
        response = Response.builder().statusCode(500).body(e.toString()).build();
      }
      byte[] reply =
          response.getBody() == null
              ? new byte[0]
              : response.getBody().getBytes(StandardCharsets.UTF_8);
      if (response.getContentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", response.getContentType());
      }
      exchange.sendResponseHeaders(response.getStatusCode(), reply.length == 0 ? -1 : reply.length);
      exchange.getResponseBody().write(reply);
    }
  }
}
