package io.pollcast.cli;

import io.pollcast.Main;
import io.pollcast.storage.Await;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code pollcast} in a child JVM, as a user starts it: its standard input open for lines, its
 * output and log lines collected as they come.
 */
final class BotProcess implements AutoCloseable {
  private final Process process;
  private final Writer input;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private BotProcess(Process process) {
    this.process = process;
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.outReader = collect(process.getInputStream(), out, "out");
    this.errReader = collect(process.getErrorStream(), err, "err");
  }

  /** Starts {@code pollcast args...} with {@code env} added to the environment, in {@code dir}. */
  static BotProcess start(Map<String, String> env, Path dir, String... args) throws IOException {
    return start(env, dir, List.of(), args);
  }

  /** Starts {@code pollcast args...} with options for its JVM. */
  static BotProcess start(Map<String, String> env, Path dir, List<String> jvm, String... args)
      throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvm);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    return new BotProcess(builder.start());
  }

  /** Types a line into the bot's standard input. */
  void type(String line) throws IOException {
    input.write(line + "\n");
    input.flush();
  }

  /** Lines of standard output so far. */
  List<String> out() {
    return List.copyOf(out);
  }

  /** Lines of standard error (the log) so far. */
  List<String> err() {
    return List.copyOf(err);
  }

  /** Waits until {@code count} output lines match. */
  void awaitOut(Predicate<String> line, int count, String what) {
    Await.until(
        Duration.ofSeconds(60),
        () -> out.stream().filter(line).count() >= count,
        () -> what + "\n" + this);
  }

  /**
   * Sends SIGTERM, as {@code kill}, {@code docker stop} and systemd do. Through the process handle:
   * {@link Process#destroy()} also closes the pipes, and with them what the bot says while it
   * stops.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** Waits for the process to end and its output to be read; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("still running after " + timeout + "\n" + this);
    }
    outReader.join(timeout.toMillis());
    errReader.join(timeout.toMillis());
    return process.exitValue();
  }

  /** The process id, for measurements. */
  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  @Override
  public String toString() {
    return "stdout:\n" + String.join("\n", out) + "\nstderr:\n" + String.join("\n", err);
  }

  private static Thread collect(InputStream stream, List<String> lines, String name) {
    Thread reader =
        new Thread(
            () -> {
              try (var in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process was killed and its pipe closed: nothing more to read
              }
            },
            "bot-process-" + name);
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
