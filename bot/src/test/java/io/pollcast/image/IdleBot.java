package io.pollcast.image;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One bot process for {@link OperationsBench}: started with the image's JVM options, asked for
 * {@code /ready} until it answers 200, left idle, its resident memory read from {@code /proc}, then
 * stopped with SIGTERM. Its output goes to {@code bot.log} in its folder.
 */
final class IdleBot {
  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** What one run measured. */
  record Sample(Duration ready, long rssBytes, Duration stop) {}

  private IdleBot() {}

  static Sample measure(Path jar, Path dir, Map<String, String> env, Duration idle)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms16m",
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-jar",
                    jar.toAbsolutePath().toString(),
                    "run"))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("bot.log").toFile());
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process bot = builder.start();
    try {
      URI ready =
          URI.create("http://127.0.0.1:" + env.get("CONFIG_FORCE_pollcast_admin_port") + "/ready");
      Duration toReady = awaitReady(bot, ready, started, dir);
      LockSupport.parkNanos(idle.toNanos());
      long rss = residentBytes(bot.pid());
      long stopping = System.nanoTime();
      bot.destroy();
      if (!bot.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the bot did not stop within 60 s; see " + dir);
      }
      return new Sample(toReady, rss, Duration.ofNanos(System.nanoTime() - stopping));
    } finally {
      bot.getOutputStream().close();
      bot.destroyForcibly();
    }
  }

  private static Duration awaitReady(Process bot, URI ready, long started, Path dir)
      throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(1)).build();
    while (System.nanoTime() - started < START_LIMIT.toNanos()) {
      if (!bot.isAlive()) {
        throw new IllegalStateException("the bot exited while starting; see " + dir);
      }
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new IllegalStateException("not ready within " + START_LIMIT + "; see " + dir);
  }

  /** VmRSS of {@code pid}, in bytes. */
  private static long residentBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IOException("no VmRSS for " + pid);
  }
}
