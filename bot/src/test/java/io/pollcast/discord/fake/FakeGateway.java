package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The gateway side of the fake: a WebSocket server on 127.0.0.1 (ephemeral port) speaking Discord's
 * JSON gateway protocol, uncompressed.
 *
 * <p>On connect it sends HELLO; it acknowledges heartbeats; on IDENTIFY it sends READY (with the
 * guild unavailable) and then GUILD_CREATE, as Discord does. A RESUME is refused with an invalid
 * session, so JDA identifies afresh. Every other opcode is kept for inspection. Dispatches carry a
 * per-connection sequence number. Thread-safe.
 */
final class FakeGateway extends WebSocketServer {
  private static final int DISPATCH = 0;
  private static final int HEARTBEAT = 1;
  private static final int IDENTIFY = 2;
  private static final int RESUME = 6;
  private static final int INVALID_SESSION = 9;
  private static final int HELLO = 10;
  private static final int HEARTBEAT_ACK = 11;
  private static final int HEARTBEAT_INTERVAL_MS = 41_250;

  private final FakeGuild guild;
  private final AtomicInteger identifications = new AtomicInteger();
  private final EntityJson entities;
  private final ChangeSignal signal;
  private final CountDownLatch started = new CountDownLatch(1);
  private final List<JsonNode> unhandled = new ArrayList<>();
  private volatile Exception startFailure;

  /** The state of one connection; guarded by itself, so that sequence and send order agree. */
  private static final class Session {
    int sequence;
    boolean identified;
    int shard;
    int shards = 1;
  }

  FakeGateway(FakeGuild guild, ChangeSignal signal) {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.entities = new EntityJson(guild);
    this.guild = guild;
    this.signal = signal;
    setDaemon(true);
    setReuseAddr(true);
    setConnectionLostTimeout(0);
  }

  /** Starts the server and waits until it listens. */
  void startAndAwait() throws IOException {
    start();
    try {
      if (!started.await(10, TimeUnit.SECONDS)) {
        throw new IOException("Fake gateway did not start within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while starting the fake gateway", e);
    }
    if (startFailure != null) {
      throw new IOException("Fake gateway failed to start", startFailure);
    }
  }

  /** The URL for JDA's session controller. */
  String url() {
    return "ws://127.0.0.1:" + getPort() + "/";
  }

  /** How many times a client has identified since the fake started: one per session begun. */
  int identifications() {
    return identifications.get();
  }

  /** Whether a connection has identified, i.e. JDA has been sent READY and GUILD_CREATE. */
  boolean identified() {
    return getConnections().stream()
        .map(connection -> connection.<Session>getAttachment())
        .filter(Objects::nonNull)
        .anyMatch(
            session -> {
              synchronized (session) {
                return session.identified;
              }
            });
  }

  /** Gateway messages the fake did not handle (e.g. presence updates, member requests). */
  List<JsonNode> unhandled() {
    synchronized (unhandled) {
      return List.copyOf(unhandled);
    }
  }

  /**
   * Sends a dispatch event to every identified connection.
   *
   * @throws IllegalStateException if no client has identified
   */
  void dispatch(String eventName, ObjectNode data) {
    int sent = 0;
    for (WebSocket connection : getConnections()) {
      Session session = connection.getAttachment();
      if (session == null) {
        continue;
      }
      synchronized (session) {
        if (session.identified && ownsGuild(session)) {
          send(connection, session, eventName, data);
          sent++;
        }
      }
    }
    if (sent == 0) {
      throw new IllegalStateException("No identified gateway connection for " + eventName);
    }
  }

  /** Whether the session's shard is the one Discord gives the guild: (guild id >> 22) % shards. */
  private boolean ownsGuild(Session session) {
    return (Long.parseLong(guild.id()) >> 22) % session.shards == session.shard;
  }

  /** Closes every connection with a close code, as Discord ends a session. */
  void closeAll(int code, String reason) {
    for (WebSocket connection : getConnections()) {
      connection.close(code, reason);
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    connection.setAttachment(new Session());
    ObjectNode hello = Json.object().put("op", HELLO).putNull("s").putNull("t");
    hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
    connection.send(Json.write(hello));
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    JsonNode payload = Json.parse(message);
    Session session = connection.getAttachment();
    switch (payload.path("op").asInt(-1)) {
      case HEARTBEAT -> connection.send(Json.write(Json.object().put("op", HEARTBEAT_ACK)));
      case IDENTIFY -> {
        synchronized (session) {
          JsonNode shard = payload.path("d").path("shard");
          if (shard.isArray() && shard.size() == 2) {
            session.shard = shard.get(0).asInt();
            session.shards = shard.get(1).asInt();
          }
          boolean owns = ownsGuild(session);
          send(connection, session, "READY", entities.readyJson(Snowflakes.next(), url(), owns));
          if (owns) {
            send(connection, session, "GUILD_CREATE", entities.guildCreateJson());
          }
          session.identified = true;
        }
        identifications.incrementAndGet();
        signal.signalAll();
      }
      case RESUME ->
          connection.send(Json.write(Json.object().put("op", INVALID_SESSION).put("d", false)));
      default -> {
        synchronized (unhandled) {
          unhandled.add(payload);
        }
        signal.signalAll();
      }
    }
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    signal.signalAll();
  }

  @Override
  public void onError(WebSocket connection, Exception error) {
    if (connection == null) {
      startFailure = error;
      started.countDown();
    }
  }

  private static void send(WebSocket connection, Session session, String eventName, ObjectNode d) {
    ObjectNode dispatch =
        Json.object().put("op", DISPATCH).put("s", ++session.sequence).put("t", eventName);
    dispatch.set("d", d);
    connection.send(Json.write(dispatch));
  }
}
