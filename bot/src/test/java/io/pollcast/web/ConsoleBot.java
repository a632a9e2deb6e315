package io.pollcast.web;

import io.pollcast.BotRunner;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.storage.Await;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole bot with the console chat, run in this process as {@code ./pollcast} runs it (web
 * server included): tests type lines as people would and read what the console printed.
 */
final class ConsoleBot implements AutoCloseable {
  /** A busy machine takes a while to start a bot and its web server. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private static final Pattern LINK = Pattern.compile("http://\\S+\\?t=\\S+");

  private final PipedOutputStream typing = new PipedOutputStream();
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Thread thread;

  ConsoleBot(Map<String, String> env, Clock clock) throws IOException {
    PollcastConfig config = ConfigLoader.load(Optional.empty(), env);
    PipedInputStream in = new PipedInputStream(typing, 64 * 1024);
    PrintStream out = new PrintStream(new Synchronized(printed), true, StandardCharsets.UTF_8);
    thread =
        new Thread(
            () -> {
              try {
                new BotRunner(config, clock).run(in, out);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            "console-bot");
    thread.start();
  }

  /** Types a line such as {@code host: /poll start 68}. */
  void type(String line) throws IOException {
    typing.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    typing.flush();
  }

  /** Everything printed so far. */
  String printed() {
    synchronized (printed) {
      return printed.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits until the console printed {@code text}, counting from {@code from}. */
  void awaitPrinted(String text, int from) {
    Await.until(
        PATIENCE,
        () -> printed().indexOf(text, from) >= 0,
        () -> "\"" + text + "\" in:\n" + printed());
  }

  /** Types {@code line} and returns the first link printed after it. */
  String link(String line) throws IOException {
    return link(line, "/");
  }

  /** Types {@code line} and returns the first link to {@code path} printed after it. */
  String link(String line, String path) throws IOException {
    int from = printed().length();
    type(line);
    return Await.value(
        PATIENCE,
        () -> {
          Matcher matcher = LINK.matcher(printed().substring(from));
          while (matcher.find()) {
            if (matcher.group().contains(path)) {
              return Optional.of(matcher.group());
            }
          }
          return Optional.empty();
        },
        () -> "a link after \"" + line + "\" in:\n" + printed() + threads());
  }

  private static String threads() {
    StringBuilder dump = new StringBuilder();
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              if (thread.getName().startsWith("pollcast-console")
                  || thread.getName().equals("console-bot")) {
                dump.append('\n').append(thread.getName());
                for (StackTraceElement element : stack) {
                  dump.append("\n  ").append(element);
                }
              }
            });
    return dump.toString();
  }

  @Override
  public void close() throws Exception {
    type("/quit");
    typing.close();
    thread.join(30_000);
  }

  /** An output stream that many threads may print to. */
  private static final class Synchronized extends OutputStream {
    private final ByteArrayOutputStream target;

    Synchronized(ByteArrayOutputStream target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      synchronized (target) {
        target.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (target) {
        target.write(bytes, offset, length);
      }
    }
  }
}
