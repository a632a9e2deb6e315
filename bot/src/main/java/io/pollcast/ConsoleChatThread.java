package io.pollcast;

import io.pollcast.console.ConsoleChat;
import io.pollcast.domain.EpisodeSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The console chat on a daemon thread of its own, so that a stop by signal need not wait for a line
 * that may never come. However the chat ends (its input ended, {@code /quit}, a failure), it asks
 * the bot to stop; {@link #rethrowIfEnded} then throws what it failed with.
 */
final class ConsoleChatThread {
  private final CompletableFuture<Void> chatting = new CompletableFuture<>();

  private ConsoleChatThread() {}

  /**
   * Starts {@code chat} on the lines of {@code in}, greeting with {@code episodes}; calls {@code
   * stop} when it ends.
   *
   * @param dashboard whether the greeting hands the first host a link to the dashboard
   */
  static ConsoleChatThread start(
      ConsoleChat chat,
      InputStream in,
      List<EpisodeSummary> episodes,
      boolean dashboard,
      Runnable stop) {
    ConsoleChatThread started = new ConsoleChatThread();
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Thread thread =
        new Thread(
            () -> {
              try {
                chat.run(reader, episodes, dashboard);
                started.chatting.complete(null);
              } catch (IOException | RuntimeException e) {
                started.chatting.completeExceptionally(e);
              } finally {
                stop.run();
              }
            },
            "pollcast-console");
    thread.setDaemon(true);
    thread.start();
    return started;
  }

  /** Throws what the chat failed with, if it has ended and failed. */
  void rethrowIfEnded() throws IOException, InterruptedException {
    if (!chatting.isDone()) {
      return;
    }
    try {
      chatting.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException(new IOException(e.getCause()));
    }
  }
}
