package io.pollcast.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.config.StorageConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A vote acknowledged to the voter survives the process being killed with SIGKILL (on PostgreSQL,
 * the server keeps running).
 */
final class KillNineTest {
  private static final int ACKS_BEFORE_KILL = 3_000;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyAcknowledgedVoteSurvivesKillNine(Engine engine, @TempDir Path dir) throws Exception {
    StorageConfig config =
        engine == Engine.H2 ? TestDatabases.file(dir) : TestDatabases.fresh(engine);
    long poll;
    try (Database db = Database.open(config)) {
      TestDatabases.episode68(db);
      poll = TestDatabases.openPoll(db, 1);
    }
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VoteBurstProcess.class.getName(),
                config.url(),
                config.user(),
                Long.toString(poll))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Map<Long, Integer> acknowledged = new HashMap<>();
    try (var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
        if (!line.startsWith("ACK ")) {
          continue;
        }
        String[] parts = line.split(" ", -1);
        acknowledged.put(Long.parseLong(parts[2]), Integer.parseInt(parts[3]));
      }
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).hasSize(ACKS_BEFORE_KILL);

    try (Database db = Database.open(config)) {
      Map<Long, Integer> stored = new HashMap<>();
      db.jdbi()
          .useHandle(
              h ->
                  h.createQuery("SELECT voter, option_idx FROM vote WHERE poll_id = :p")
                      .bind("p", poll)
                      .map(
                          (rs, ctx) ->
                              List.of(VoterId.of(rs.getBytes(1)).low(), (long) rs.getInt(2)))
                      .forEach(row -> stored.put(row.get(0), row.get(1).intValue())));
      assertThat(stored).containsAllEntriesOf(acknowledged);
      assertThat(db.polls().counterDifferences()).isEmpty();
    }
  }
}
