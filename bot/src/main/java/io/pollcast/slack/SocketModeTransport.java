package io.pollcast.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Socket Mode: the bot opens a WebSocket to Slack with the app-level token, so it needs no public
 * URL. Uses the Java-WebSocket backend (Bolt's default, Tyrus, is not on the classpath). Bolt runs
 * envelopes on a small pool; handlers only acknowledge and hand the work on, so a pool this size
 * keeps up with a burst of clicks. A closed connection is replaced at once (Slack's refresh
 * requests Bolt handles itself); Slack sends again what the old connection did not acknowledge.
 */
final class SocketModeTransport implements SlackTransport {
  private static final Logger LOG = LoggerFactory.getLogger(SocketModeTransport.class);
  private static final int CONCURRENCY = 4;

  private final SocketModeApp socketMode;
  private boolean closed;

  SocketModeTransport(String appToken, App app) throws IOException {
    socketMode =
        new SocketModeApp(
            appToken, app, SocketModeClient.Backend.JavaWebSocket, this::failed, CONCURRENCY);
  }

  @Override
  public void start() throws Exception {
    socketMode.startAsync();
    // A connection that drops is replaced at once, not after Bolt's session monitor has missed
    // pongs for half a minute.
    socketMode.getClient().setAutoReconnectOnCloseEnabled(true);
    LOG.info("Connecting to Slack in Socket Mode");
  }

  /** Whether the WebSocket to Slack is open and answers a ping (within 3 s). */
  @Override
  public synchronized boolean connected() {
    SocketModeClient client = socketMode.getClient();
    return !closed && client != null && client.verifyConnection();
  }

  /** Bolt sends no acknowledgement when this answers null, so Slack delivers the envelope again. */
  private Response failed(SocketModeApp.ErrorContext context) {
    LOG.error("A Slack delivery failed", context.getException());
    return null;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    SocketModeClient client = socketMode.getClient();
    try {
      socketMode.close();
      if (client != null) {
        client.close();
      }
    } catch (Exception e) {
      LOG.warn("Socket Mode did not close cleanly: {}", e.toString());
    }
  }
}
