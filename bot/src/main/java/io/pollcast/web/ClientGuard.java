package io.pollcast.web;

import io.pollcast.config.WebServerLimits;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * Closes the connections of clients that would hold the server: more than {@link
 * WebServerLimits#maxConnectionsPerAddress()} open from one address, request headers not complete
 * {@link WebServerLimits#headerTimeout()} after the connection opened (or after its previous
 * answer), or no answer {@link WebServerLimits#bodyTimeout()} after the headers (a body that
 * trickles in). Jetty's idle timeout alone does not do it: every byte resets it.
 *
 * <p>A connection listener on the server's connector; {@link #sweep} is called a few times a second
 * from one thread, and is the only one to touch a connection's {@link Watch}.
 */
final class ClientGuard implements Connection.Listener {
  static final String OVER_ADDRESS_LIMIT = "connections over the limit for one address";
  static final String SLOW_HEADERS = "connections too slow to send their headers";
  static final String SLOW_BODY = "connections too slow to send their body";

  private final WebServerLimits limits;
  private final RefusalLog refusals;
  private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
  private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

  ClientGuard(WebServerLimits limits, RefusalLog refusals) {
    this.limits = limits;
    this.refusals = refusals;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress address = address(connection);
    int count = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    open.put(connection, new Watch(address, System.nanoTime()));
    if (count > limits.maxConnectionsPerAddress()) {
      refusals.count(OVER_ADDRESS_LIMIT);
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    Watch watch = open.remove(connection);
    if (watch != null) {
      perAddress.computeIfPresent(
          watch.address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
    }
  }

  /** Closes the connections past their deadline at {@code now} ({@link System#nanoTime()}). */
  void sweep(long now) {
    open.forEach(
        (connection, watch) -> {
          String late = watch.late(connection, now, limits);
          if (late != null) {
            refusals.count(late);
            connection.getEndPoint().close();
          }
        });
  }

  /** Open connections, for tests. */
  int openConnections() {
    return open.size();
  }

  private static InetAddress address(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet
        ? inet.getAddress()
        : InetAddress.getLoopbackAddress();
  }

  /** Where a connection stood at the last sweep that saw it change. */
  private static final class Watch {
    private final InetAddress address;
    private long messagesIn;
    private long messagesOut;
    private long bytesIn;
    private long since;
    private boolean awaitingHeaders = true;
    private long headersSince;

    Watch(InetAddress address, long opened) {
      this.address = address;
      this.since = opened;
      this.headersSince = opened;
    }

    /**
     * Why the connection is past a deadline, or null. Jetty counts a request in when its headers
     * are complete and out when its answer starts.
     */
    String late(Connection connection, long now, WebServerLimits limits) {
      long in = connection.getMessagesIn();
      long out = connection.getMessagesOut();
      long bytes = connection.getBytesIn();
      if (in != messagesIn || out != messagesOut) {
        messagesIn = in;
        messagesOut = out;
        bytesIn = bytes;
        since = now;
        awaitingHeaders = false;
      }
      if (in > out) {
        return now - since > limits.bodyTimeout().toNanos() ? SLOW_BODY : null;
      }
      if (!awaitingHeaders && bytes > bytesIn) {
        awaitingHeaders = true;
        headersSince = now;
      }
      return awaitingHeaders && now - headersSince > limits.headerTimeout().toNanos()
          ? SLOW_HEADERS
          : null;
    }
  }
}
