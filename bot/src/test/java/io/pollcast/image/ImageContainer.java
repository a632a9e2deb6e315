package io.pollcast.image;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.storage.Await;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An image's root filesystem run as a container runtime would run it, without one: in its own
 * network, mount and process namespaces ({@code unshare}, as root), with {@code /proc} and {@code
 * /dev} mounted, the host name in {@code /etc/hosts} (as a runtime writes it), rooted in the
 * extracted layers, as the image's user, in its working directory, with exactly the image's
 * environment, its entrypoint and command. Commands run inside it with {@code nsenter}, the way
 * {@code docker exec} runs a health check. Nothing of the machine's network is reachable from
 * inside, nor the other way round.
 */
final class ImageContainer implements AutoCloseable {
  private static final String PREPARE =
      "root=$1; shift; hostname pollcast && ip link set lo up"
          + " && mount -t proc proc \"$root/proc\""
          + " && mount --rbind /dev \"$root/dev\" && exec unshare --root=\"$root\" \"$@\"";

  private final Process runtime;
  private final ProcessHandle main;
  private final OutputStream stdin;
  private final Path log;
  private final String uid;
  private final String gid;

  private ImageContainer(Process runtime, ProcessHandle main, Path log, String uid, String gid) {
    this.runtime = runtime;
    this.main = main;
    this.stdin = runtime.getOutputStream();
    this.log = log;
    this.uid = uid;
    this.gid = gid;
  }

  /**
   * Starts {@code root} with the settings of {@code imageConfig}; its output goes to {@code log}.
   */
  static ImageContainer start(Path root, JsonNode imageConfig, Path log) throws IOException {
    JsonNode config = imageConfig.get("config");
    Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost pollcast\n");
    String[] user = config.get("User").asText().split(":");
    List<String> command =
        new ArrayList<>(
            List.of(
                "unshare",
                "--net",
                "--uts",
                "--mount",
                "--pid",
                "--fork",
                "--kill-child",
                "sh",
                "-c",
                PREPARE,
                "sh",
                root.toString(),
                "--wd=" + config.get("WorkingDir").asText(),
                "--setuid=" + user[0],
                "--setgid=" + user[1]));
    config.get("Entrypoint").forEach(word -> command.add(word.asText()));
    config.path("Cmd").forEach(word -> command.add(word.asText()));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    config
        .get("Env")
        .forEach(
            entry -> {
              String[] pair = entry.asText().split("=", 2);
              builder.environment().put(pair[0], pair[1]);
            });
    Process runtime = builder.start();
    ProcessHandle main =
        Await.value(
            Duration.ofSeconds(10),
            () -> runtime.children().filter(ImageContainer::isJava).findFirst(),
            () -> "the entrypoint's java did not start: " + read(log));
    return new ImageContainer(runtime, main, log, user[0], user[1]);
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().filter(path -> path.endsWith("/bin/java")).isPresent();
  }

  /** Whether the entrypoint's process still runs. */
  boolean running() {
    return main.isAlive();
  }

  /** The user id the entrypoint's process runs as, from {@code /proc}. */
  String runningUid() throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(main.pid()), "status")).stream()
        .filter(line -> line.startsWith("Uid:"))
        .map(line -> line.split("\\s+")[1])
        .findFirst()
        .orElseThrow();
  }

  /** The exit code of {@code bash -c script} run inside, as the image's user. */
  int exec(String script) throws IOException, InterruptedException {
    return Tools.exitCode(
        "nsenter",
        "--target=" + main.pid(),
        "--net",
        "--mount",
        "--root",
        "--wd",
        "--setuid=" + uid,
        "--setgid=" + gid,
        "/usr/bin/bash",
        "-c",
        script);
  }

  /** Sends SIGTERM, as {@code docker stop} does, and waits for the exit code. */
  Optional<Integer> stop(Duration grace) throws InterruptedException {
    main.destroy();
    if (!runtime.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return Optional.empty();
    }
    return Optional.of(runtime.exitValue());
  }

  /** What the entrypoint wrote so far. */
  String output() {
    return read(log);
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stdin.close();
    if (main.isAlive()) {
      main.destroyForcibly();
    }
    runtime.destroyForcibly();
    runtime.waitFor(10, TimeUnit.SECONDS);
  }
}
