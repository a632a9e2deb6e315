package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollcast.TestSettings;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code pollcast.log.format = json} every log line is one JSON object; else plain text. */
final class JsonLogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The product's logback.xml, not the tests' logback-test.xml that the class path prefers. */
  private static List<String> productLogging() throws URISyntaxException {
    Path config = Path.of(io.pollcast.Main.class.getResource("/logback.xml").toURI());
    return List.of("-Dlogback.configurationFile=" + config);
  }

  private static List<String> logOfARun(Path dir, String format) throws Exception {
    Map<String, String> env = new HashMap<>(TestSettings.fileEnv(dir));
    env.put("CONFIG_FORCE_pollcast_log_format", format);
    env.put("CONFIG_FORCE_pollcast_admin_port", "0");
    try (BotProcess bot = BotProcess.start(env, dir, productLogging(), "run")) {
      bot.type("anna: /quit");
      assertThat(bot.awaitExit(Duration.ofSeconds(60))).as(bot.toString()).isZero();
      return bot.err();
    }
  }

  @Test
  void jsonLogsAreOneObjectPerLine(@TempDir Path dir) throws Exception {
    List<String> log = logOfARun(dir, "json");

    assertThat(log).isNotEmpty();
    for (String line : log) {
      JsonNode event = JSON.readTree(line);
      assertThat(event.isObject()).as(line).isTrue();
      assertThat(event.has("level")).as(line).isTrue();
    }
    assertThat(log)
        .anySatisfy(
            line ->
                assertThat(JSON.readTree(line).get("message").asText())
                    .contains("Admin endpoints"));
  }

  @Test
  void textLogsStayReadableByDefault(@TempDir Path dir) throws Exception {
    List<String> log = logOfARun(dir, "text");

    assertThat(log)
        .anySatisfy(line -> assertThat(line).contains("INFO").contains("Admin endpoints"));
    assertThat(log).noneMatch(line -> line.startsWith("{"));
  }
}
