package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollcast.storage.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The fake's Socket Mode side: a WebSocket server on 127.0.0.1 that greets each connection with
 * {@code {"type":"hello"}}, pushes envelopes to the newest open connection (as Slack sends each
 * envelope to one connection of the app) and collects the acknowledgements coming back. Once told
 * to, it sends the envelopes that a closing connection (refreshed or dropped) did not acknowledge
 * again on the next connection, with the next {@code retry_attempt}, as Slack retries them.
 *
 * <p>Thread-safe; Java-WebSocket calls the callbacks on its own threads.
 */
final class SocketModeServer implements AutoCloseable {
  private final Endpoint endpoint = new Endpoint();
  private final CountDownLatch started = new CountDownLatch(1);
  private final List<WebSocket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private final AtomicInteger tickets = new AtomicInteger();
  private final Map<String, List<Ack>> acks = new ConcurrentHashMap<>();
  private final List<String> otherMessages = new CopyOnWriteArrayList<>();
  private final Map<WebSocket, List<ObjectNode>> sentOn = new ConcurrentHashMap<>();
  private final AtomicInteger redeliveries = new AtomicInteger();
  private final ExecutorService retries =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "fake-slack-retries");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean closing;
  private volatile boolean redeliver;
  private volatile Exception startFailure;

  private SocketModeServer() {}

  /** Starts the server on an ephemeral port and returns once it accepts connections. */
  static SocketModeServer start() throws IOException {
    SocketModeServer server = new SocketModeServer();
    server.endpoint.setReuseAddr(true);
    server.endpoint.setDaemon(true);
    server.endpoint.start();
    try {
      if (!server.started.await(10, TimeUnit.SECONDS)) {
        throw new IOException("Socket Mode server did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while starting the Socket Mode server", e);
    }
    if (server.startFailure != null) {
      throw new IOException("Socket Mode server failed to start", server.startFailure);
    }
    return server;
  }

  /** A fresh WebSocket URL, as {@code apps.connections.open} returns one per call. */
  String newConnectionUrl() {
    return "ws://127.0.0.1:"
        + endpoint.getPort()
        + "/link/?ticket=fake-"
        + tickets.incrementAndGet()
        + "&app_id="
        + FakeSlack.APP_ID;
  }

  /**
   * Sends {@code json} to the newest open connection, waiting for one if none is open yet. An
   * envelope is recorded on its connection before it is sent, under the lock that a closing
   * connection takes too: an envelope whose connection closes meanwhile is sent again on the next
   * one (when redelivery is on), as Slack does, and never lost between the two.
   */
  void send(ObjectNode json) {
    while (true) {
      WebSocket connection = newestConnection(Await.DEFAULT_TIMEOUT);
      synchronized (this) {
        if (!open.contains(connection)) {
          continue; // closed since it was picked: its close is handled, take the next
        }
        if (json.hasNonNull("envelope_id")) {
          sentOn.computeIfAbsent(connection, c -> new CopyOnWriteArrayList<>()).add(json);
        }
      }
      try {
        connection.send(Json.write(json));
      } catch (WebsocketNotConnectedException closedMeanwhile) {
        if (!redeliver || !json.hasNonNull("envelope_id")) {
          throw closedMeanwhile;
        }
      }
      return;
    }
  }

  /** Drops every open connection without a close frame, as a network failure does. */
  void dropAll() {
    for (WebSocket connection : List.copyOf(open)) {
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "connection lost");
    }
  }

  /** Whether envelopes that a closed connection did not acknowledge are sent again. */
  void redeliverUnacknowledged(boolean on) {
    redeliver = on;
  }

  /** How many envelopes were sent again because their connection closed before the ack. */
  int redeliveries() {
    return redeliveries.get();
  }

  /** Sends the envelopes of a closed connection that got no ack again, on the next connection. */
  private void retryUnacknowledged(WebSocket closed) {
    List<ObjectNode> sent;
    synchronized (this) {
      open.remove(closed);
      sent = sentOn.remove(closed);
    }
    if (sent == null || closing || !redeliver) {
      return;
    }
    for (ObjectNode envelope : sent) {
      String id = envelope.path("envelope_id").asText();
      if (acks.getOrDefault(id, List.of()).isEmpty()) {
        ObjectNode retry = envelope.deepCopy();
        retry
            .put("retry_attempt", envelope.path("retry_attempt").asInt(0) + 1)
            .put("retry_reason", "timeout");
        retries.execute(
            () -> {
              if (!closing) {
                redeliveries.incrementAndGet();
                send(retry);
              }
            });
      }
    }
  }

  /** Waits until a connection is open and returns the newest. */
  WebSocket newestConnection(Duration timeout) {
    return Await.value(
        timeout,
        () -> {
          List<WebSocket> snapshot = new ArrayList<>(open);
          return snapshot.isEmpty()
              ? Optional.empty()
              : Optional.of(snapshot.get(snapshot.size() - 1));
        },
        () -> "an open Socket Mode connection");
  }

  /** The acknowledgements received for {@code envelopeId}, in arrival order. */
  List<Ack> acks(String envelopeId) {
    return List.copyOf(acks.getOrDefault(envelopeId, List.of()));
  }

  /** How many acknowledgements arrived in all. */
  int ackCount() {
    return acks.values().stream().mapToInt(List::size).sum();
  }

  /** Messages from clients that were not acknowledgements; a healthy client sends none. */
  List<String> otherMessages() {
    return List.copyOf(otherMessages);
  }

  int openConnections() {
    return open.size();
  }

  int connectionsOpened() {
    return connectionsOpened.get();
  }

  /** Stops the server, closing open connections (waits up to a second for them). */
  @Override
  public void close() {
    closing = true;
    retries.shutdownNow();
    try {
      endpoint.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onAck(String message) {
    JsonNode json;
    try {
      json = Json.parse(message);
    } catch (IllegalArgumentException e) {
      otherMessages.add(message);
      return;
    }
    String envelopeId = json.path("envelope_id").asText("");
    if (envelopeId.isEmpty()) {
      otherMessages.add(message);
      return;
    }
    Optional<JsonNode> payload = Optional.ofNullable(json.get("payload"));
    acks.computeIfAbsent(envelopeId, id -> new CopyOnWriteArrayList<>())
        .add(new Ack(envelopeId, payload));
  }

  private ObjectNode hello() {
    ObjectNode hello = Json.object().put("type", "hello").put("num_connections", open.size());
    hello
        .putObject("debug_info")
        .put("host", "fake-slack")
        .put("build_number", 1)
        .put("approximate_connection_time", 18060);
    hello.putObject("connection_info").put("app_id", FakeSlack.APP_ID);
    return hello;
  }

  /** The Java-WebSocket server, kept private so only the fake's own API is visible. */
  private final class Endpoint extends WebSocketServer {
    Endpoint() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
      open.add(connection);
      connectionsOpened.incrementAndGet();
      connection.send(Json.write(hello()));
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
      retryUnacknowledged(connection);
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
      onAck(message);
    }

    @Override
    public void onError(WebSocket connection, Exception error) {
      if (connection == null) {
        startFailure = error;
        started.countDown();
      }
    }
  }
}
