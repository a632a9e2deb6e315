package io.pollcast.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.storage.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image that {@code mvn -Pimage package} wrote (Jib's {@code buildTar}): its config
 * as {@code docker load} reads it, {@code compose.yaml}'s health check against it, and the image
 * run from its extracted layers the way a container runtime runs it. Runs in the {@code image}
 * profile's {@code integration-test} phase, after the tarball is built.
 */
final class ImageTarballIT {
  private static final Path TARBALL =
      Path.of(System.getProperty("pollcast.image.tarball", "target/pollcast-image.tar"));
  private static final Path COMPOSE =
      Path.of(System.getProperty("pollcast.compose.file", "../compose.yaml"));
  private static final Pattern HEALTH_CHECK =
      Pattern.compile("(?m)^\\s+healthcheck:\\s*\\n\\s+test:\\s*\\n((?:\\s+- .*\\n)+)");
  private static final Pattern TCP_PORT = Pattern.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+)");
  private static final String SECRETS =
      "DISCORD_TOKEN|SLACK_BOT_TOKEN|SLACK_APP_TOKEN|SLACK_SIGNING_SECRET|POLLCAST_VOTER_KEY"
          + "|POLLCAST_DB_PASSWORD";

  @TempDir static Path dir;

  private static ImageTarball image;
  private static JsonNode config;

  @BeforeAll
  static void openImage() throws Exception {
    image = ImageTarball.open(TARBALL, dir.resolve("image"));
    config = image.config().get("config");
  }

  @Test
  @DisplayName("the image runs the bot as user 10001, in /data, a volume, with admin and web ports")
  void configRunsTheBotAsItsOwnUser() {
    assertThat(words(config.get("Entrypoint")))
        .startsWith("java")
        .contains("-Xmx256m")
        .endsWith("io.pollcast.Main");
    assertThat(words(config.get("Cmd"))).containsExactly("run");
    assertThat(config.get("User").asText()).isEqualTo("10001:10001");
    assertThat(config.get("WorkingDir").asText()).isEqualTo("/data");
    assertThat(names(config.get("Volumes"))).containsExactly("/data");
    assertThat(names(config.get("ExposedPorts"))).containsExactlyInAnyOrder("9090/tcp", "8080/tcp");
    assertThat(words(config.get("Env")))
        .contains(
            "CONFIG_FORCE_pollcast_admin_port=9090",
            "CONFIG_FORCE_pollcast_admin_bind=0.0.0.0",
            "CONFIG_FORCE_pollcast_log_format=json")
        .anyMatch(
            entry -> entry.startsWith("CONFIG_FORCE_pollcast_storage_url=jdbc:h2:file:/data/"))
        .noneMatch(entry -> entry.matches("(" + SECRETS + ")=.*"));
  }

  @Test
  @DisplayName("compose.yaml's health check asks /ready on the image's admin port")
  void composeHealthCheckTargetsTheAdminPort() throws IOException {
    String check = healthCheck();

    Matcher port = TCP_PORT.matcher(check);
    assertThat(port.find()).as("a TCP probe of 127.0.0.1 in %s", check).isTrue();
    assertThat(names(config.get("ExposedPorts"))).contains(port.group(1) + "/tcp");
    assertThat(words(config.get("Env")))
        .contains("CONFIG_FORCE_pollcast_admin_port=" + port.group(1));
    assertThat(check).contains("GET /ready ");
  }

  @Test
  @DisplayName(
      "run from its layers, the image serves /health, passes the health check, stops on TERM")
  void imageRunsAndAnswersTheHealthCheck() throws Exception {
    Assumptions.assumeTrue(
        Tools.canRunImages(), "running the layers needs root, namespaces, mount, ip and nsenter");
    Path root = dir.resolve("root");
    image.extractTo(root);

    try (ImageContainer container =
        ImageContainer.start(root, image.config(), dir.resolve("container.log"))) {
      String ready = healthCheck();
      String health = ready.replace("GET /ready ", "GET /health ");
      Await.until(
          Duration.ofSeconds(60),
          () -> !container.running() || exitCode(container, health) == 0,
          () -> "/health never answered 200:\n" + container.output());
      assertThat(container.running()).as("running; output:\n%s", container.output()).isTrue();
      assertThat(container.runningUid()).isEqualTo("10001");
      Await.until(
          Duration.ofSeconds(30),
          () -> exitCode(container, ready) == 0,
          () -> "compose.yaml's health check never passed:\n" + container.output());
      assertThat(root.resolve("data/pollcast.mv.db")).exists();
      assertThat(Files.getAttribute(root.resolve("data/pollcast.mv.db"), "unix:uid"))
          .isEqualTo(10001);

      assertThat(container.stop(Duration.ofSeconds(30)))
          .as("exit code after SIGTERM; output:\n%s", container.output())
          .contains(0);
    }
  }

  /** The health check's shell command as the container runtime runs it ($$ is compose's $). */
  private static String healthCheck() throws IOException {
    Matcher block = HEALTH_CHECK.matcher(Files.readString(COMPOSE));
    assertThat(block.find()).as("a healthcheck with a test list in %s", COMPOSE).isTrue();
    List<String> test = new ArrayList<>();
    for (String line : block.group(1).split("\n")) {
      test.add(line.strip().substring(2));
    }
    assertThat(test).as("healthcheck test").startsWith("CMD", "bash", "-c").hasSize(4);
    return test.get(3).replace("$$", "$");
  }

  private static int exitCode(ImageContainer container, String script) {
    try {
      return container.exec(script);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> words(JsonNode array) {
    List<String> words = new ArrayList<>();
    array.forEach(word -> words.add(word.asText()));
    return words;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
