package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The gateway side of the fake: a WebSocket server on 127.0.0.1 (ephemeral port) speaking Discord's
 * JSON gateway protocol, uncompressed.
 *
 * <p>On connect it sends HELLO; it acknowledges heartbeats; on IDENTIFY it sends READY (with the
 * guild unavailable) and then GUILD_CREATE, as Discord does. Dispatches carry a per-session
 * sequence number, and the session keeps them: when its connection drops ({@link #dropAll()}),
 * dispatches wait in the session, and a RESUME with the session's id gets every dispatch after the
 * sequence number the client names, then RESUMED, as Discord replays missed events. A RESUME of an
 * unknown session is refused with an invalid session, so JDA identifies afresh. Every other opcode
 * is kept for inspection. Thread-safe.
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
  private final EntityJson entities;
  private final ChangeSignal signal;
  private final CountDownLatch started = new CountDownLatch(1);
  private final List<JsonNode> unhandled = new ArrayList<>();
  private volatile Exception startFailure;

  /**
   * One gateway session: its dispatches, numbered, and the connection it is on (null while
   * dropped). Guarded by itself, so that sequence and send order agree.
   */
  private static final class Session {
    final String id;
    final List<ObjectNode> dispatched = new ArrayList<>();
    WebSocket connection;
    boolean identified;
    int shard;
    int shards = 1;

    Session(String id, WebSocket connection) {
      this.id = id;
      this.connection = connection;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger resumes = new AtomicInteger();
  private final AtomicInteger identifies = new AtomicInteger();

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

  /** Whether a session has identified, i.e. JDA has been sent READY and GUILD_CREATE. */
  boolean identified() {
    return sessions.values().stream()
        .anyMatch(
            session -> {
              synchronized (session) {
                return session.identified && session.connection != null;
              }
            });
  }

  /** How many times a client identified (started a new session). */
  int identifies() {
    return identifies.get();
  }

  /** How many times a client resumed a session. */
  int resumes() {
    return resumes.get();
  }

  /** Gateway messages the fake did not handle (e.g. presence updates, member requests). */
  List<JsonNode> unhandled() {
    synchronized (unhandled) {
      return List.copyOf(unhandled);
    }
  }

  /**
   * Sends a dispatch event to every identified session; a session whose connection dropped keeps it
   * for its resume.
   *
   * @throws IllegalStateException if no client has identified
   */
  void dispatch(String eventName, ObjectNode data) {
    int sent = 0;
    for (Session session : sessions.values()) {
      synchronized (session) {
        if (session.identified && ownsGuild(session)) {
          send(session, eventName, data);
          sent++;
        }
      }
    }
    if (sent == 0) {
      throw new IllegalStateException("No identified gateway session for " + eventName);
    }
  }

  /** Whether the session's shard is the one Discord gives the guild: (guild id >> 22) % shards. */
  private boolean ownsGuild(Session session) {
    return (Long.parseLong(guild.id()) >> 22) % session.shards == session.shard;
  }

  /**
   * Closes every connection with a close code, as Discord ends a session; the session cannot be
   * resumed.
   */
  void closeAll(int code, String reason) {
    sessions.clear();
    for (WebSocket connection : getConnections()) {
      connection.close(code, reason);
    }
  }

  /**
   * Drops every connection without a close frame, as a network failure does; the sessions stay
   * resumable and keep what is dispatched meanwhile.
   */
  void dropAll() {
    for (WebSocket connection : getConnections()) {
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "connection lost");
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    ObjectNode hello = Json.object().put("op", HELLO).putNull("s").putNull("t");
    hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MS);
    connection.send(Json.write(hello));
  }

  @Override
  public void onMessage(WebSocket connection, String message) {
    JsonNode payload = Json.parse(message);
    switch (payload.path("op").asInt(-1)) {
      case HEARTBEAT -> connection.send(Json.write(Json.object().put("op", HEARTBEAT_ACK)));
      case IDENTIFY -> {
        Session session = new Session(Snowflakes.next(), connection);
        synchronized (session) {
          connection.setAttachment(session);
          sessions.put(session.id, session);
          JsonNode shard = payload.path("d").path("shard");
          if (shard.isArray() && shard.size() == 2) {
            session.shard = shard.get(0).asInt();
            session.shards = shard.get(1).asInt();
          }
          boolean owns = ownsGuild(session);
          send(session, "READY", entities.readyJson(session.id, url(), owns));
          if (owns) {
            send(session, "GUILD_CREATE", entities.guildCreateJson());
          }
          session.identified = true;
        }
        identifies.incrementAndGet();
        signal.signalAll();
      }
      case RESUME -> resume(connection, payload.path("d"));
      default -> {
        synchronized (unhandled) {
          unhandled.add(payload);
        }
        signal.signalAll();
      }
    }
  }

  private void resume(WebSocket connection, JsonNode resume) {
    Session session = sessions.get(resume.path("session_id").asText());
    if (session == null) {
      connection.send(Json.write(Json.object().put("op", INVALID_SESSION).put("d", false)));
      return;
    }
    long after = resume.path("seq").asLong();
    synchronized (session) {
      session.connection = connection;
      connection.setAttachment(session);
      for (ObjectNode dispatch : session.dispatched) {
        if (dispatch.path("s").asLong() > after) {
          connection.send(Json.write(dispatch));
        }
      }
      send(session, "RESUMED", Json.object());
    }
    resumes.incrementAndGet();
    signal.signalAll();
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {
    Session session = connection.getAttachment();
    if (session != null) {
      synchronized (session) {
        if (session.connection == connection) {
          session.connection = null;
        }
      }
    }
    signal.signalAll();
  }

  @Override
  public void onError(WebSocket connection, Exception error) {
    if (connection == null) {
      startFailure = error;
      started.countDown();
    }
  }

  /** Numbers, keeps and (if connected) sends a dispatch; the caller holds the session's lock. */
  private static void send(Session session, String eventName, ObjectNode d) {
    ObjectNode dispatch =
        Json.object()
            .put("op", DISPATCH)
            .put("s", session.dispatched.size() + 1)
            .put("t", eventName);
    dispatch.set("d", d);
    session.dispatched.add(dispatch);
    WebSocket connection = session.connection;
    if (connection != null && connection.isOpen()) {
      try {
        connection.send(Json.write(dispatch));
      } catch (WebsocketNotConnectedException dropped) {
        // kept in the session: a resume replays it
      }
    }
  }
}
