package io.pollcast.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A podcast host on this machine: serves one feed at {@code /feed.xml} with an {@code ETag} and a
 * {@code Last-Modified} date, answers {@code 304} to a request that names the current version, or
 * any status a test sets. Records the conditional headers of each request.
 */
public final class FeedServer implements AutoCloseable {
  private static final String LAST_MODIFIED = "Sun, 29 Nov 2026 20:00:00 GMT";
  private final HttpServer server;
  private volatile byte[] body = new byte[0];
  private volatile int version;
  private volatile int status = 200;

  /** The {@code If-None-Match} header of each request, or "-" when there was none. */
  final List<String> conditions = new CopyOnWriteArrayList<>();

  /** How many answers carried the whole feed. */
  volatile int bodiesSent;

  public FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/feed.xml", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.xml";
  }

  /** Serves a new version of the feed. */
  public FeedServer serve(String feed) {
    return serve(feed.getBytes(StandardCharsets.UTF_8));
  }

  public FeedServer serve(byte[] feed) {
    body = feed;
    version++;
    status = 200;
    return this;
  }

  /** Answers every request with this status and no feed. */
  public void fail(int status) {
    this.status = status;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String etag = "\"v" + version + "\"";
    String condition = exchange.getRequestHeaders().getFirst("If-None-Match");
    conditions.add(condition == null ? "-" : condition);
    try (exchange) {
      if (status != 200) {
        exchange.sendResponseHeaders(status, -1);
      } else if (etag.equals(condition)) {
        exchange.sendResponseHeaders(304, -1);
      } else {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.getResponseHeaders().add("ETag", etag);
        exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
        bodiesSent++;
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
