package io.pollcast.slack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client on a raw socket that sends a request, or the rest of one, one byte per tick, as an
 * attacker holding the server would; notices when the server closes the connection.
 */
final class SlowClient implements AutoCloseable {
  private final Socket socket = new Socket();
  private final byte[] request;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicBoolean closedByServer = new AtomicBoolean();
  private final ScheduledFuture<?> trickle;
  private final Thread reader;

  private SlowClient(
      int port, byte[] atOnce, byte[] request, ScheduledExecutorService ticks, long tickMillis)
      throws IOException {
    this.request = request;
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
    OutputStream out = socket.getOutputStream();
    out.write(atOnce);
    out.flush();
    trickle = ticks.scheduleAtFixedRate(() -> sendOne(out), 0, tickMillis, TimeUnit.MILLISECONDS);
    InputStream in = socket.getInputStream();
    reader = new Thread(() -> awaitClose(in), "slow-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Sends {@code atOnce} to {@code port}, then {@code trickled} a byte every {@code tickMillis}.
   */
  static SlowClient start(
      int port, String atOnce, String trickled, ScheduledExecutorService ticks, long tickMillis)
      throws IOException {
    return new SlowClient(
        port,
        atOnce.getBytes(StandardCharsets.UTF_8),
        trickled.getBytes(StandardCharsets.UTF_8),
        ticks,
        tickMillis);
  }

  private void sendOne(OutputStream out) {
    int next = sent.get();
    if (next >= request.length || closedByServer.get()) {
      return;
    }
    try {
      out.write(request[next]);
      out.flush();
      sent.incrementAndGet();
    } catch (IOException e) {
      closedByServer.set(true);
    }
  }

  private void awaitClose(InputStream in) {
    try {
      while (in.read() >= 0) {
        // the server's answer, if any, is not what is watched
      }
    } catch (IOException e) {
      // reset by the server
    }
    closedByServer.set(true);
  }

  /** Whether the server has closed the connection. */
  boolean closedByServer() {
    return closedByServer.get();
  }

  /** Whether every byte of the trickled part went out. */
  boolean sentAll() {
    return sent.get() >= request.length;
  }

  @Override
  public void close() throws IOException {
    trickle.cancel(false);
    socket.close();
  }
}
