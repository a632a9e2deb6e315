package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollcast.LogCapture;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real session leaves behind: no voter's user id, name or message in the database or the
 * log, and after the retention time no per-voter row at all, while {@code pollcast tally} still
 * gives the same counts.
 */
final class PrivacyOnDiskTest {
  private static final Instant NOW = Instant.parse("2026-11-29T20:00:00Z");
  private static final String SESSION =
      """
      host: /poll start 68
      zoë-4711: /vote 68.1 Eens
      zoë-4711: hallo allemaal, mijn adres is Kerkstraat 12
      bartholomeus-0815: /vote 68.1 Oneens
      bartholomeus-0815: /vote 68.2 Eens
      bartholomeus-0815: /poll my-data
      zoë-4711: /vote 68.3 Oneens
      zoë-4711: /withdraw 68.3
      host: /poll close 68
      """;

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static String dump(Map<String, String> env) {
    try (Database db = Database.open(ConfigLoader.load(Optional.empty(), env).storage())) {
      List<String> script =
          db.jdbi().withHandle(h -> h.createQuery("SCRIPT").mapTo(String.class).list());
      return String.join("\n", script);
    }
  }

  private static int voteRows(Map<String, String> env) {
    try (Database db = Database.open(ConfigLoader.load(Optional.empty(), env).storage())) {
      return db.jdbi()
          .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vote").mapTo(Integer.class).one());
    }
  }

  @Test
  void noVotersIdNameOrMessageIsStoredOrLogged(@TempDir Path dir) {
    Map<String, String> env = TestSettings.fileEnv(dir);

    String logs;
    CliRun run;
    try (LogCapture log = LogCapture.open()) {
      run = CliRun.at(at(NOW), env, SESSION);
      logs = log.text();
    }

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("[pollcast → bartholomeus-0815] Wat Pollcast over jou bewaart");
    String database = dump(env);
    assertThat(database).contains("INSERT INTO").contains("Personalisatie");
    for (String personal : List.of("zoë", "4711", "bartholomeus", "0815", "Kerkstraat")) {
      assertThat(database).as("the database").doesNotContain(personal);
      assertThat(logs).as("the log").doesNotContain(personal);
    }
    assertThat(voteRows(env)).isEqualTo(3);
  }

  @Test
  void afterTheRetentionTimeTallyStillWorksFromTheCountsAlone(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    CliRun.at(at(NOW), env, SESSION);
    CliRun before = CliRun.at(at(NOW.plus(Duration.ofDays(29))), env, "", "tally", "68", "--json");
    assertThat(voteRows(env)).isEqualTo(3);

    CliRun after = CliRun.at(at(NOW.plus(Duration.ofDays(31))), env, "", "tally", "68", "--json");
    CliRun text = CliRun.at(at(NOW.plus(Duration.ofDays(32))), env, "", "tally", "68");

    assertThat(voteRows(env)).isZero();
    assertThat(after.exitCode()).isZero();
    assertThat(after.out()).isEqualTo(before.out());
    JsonNode theses = new ObjectMapper().readTree(after.out()).get("theses");
    assertThat(theses.get(0).get("options").get(0).get("votes").asInt()).isEqualTo(1);
    assertThat(theses.get(0).get("options").get(1).get("votes").asInt()).isEqualTo(1);
    assertThat(theses.get(1).get("options").get(0).get("votes").asInt()).isEqualTo(1);
    assertThat(text.out())
        .contains("Tussenstand aflevering 68")
        .contains("3 stem(men) op 3 stelling(en)");
  }
}
