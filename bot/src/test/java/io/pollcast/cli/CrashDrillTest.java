package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.domain.Platform;
import io.pollcast.privacy.Pseudonymizer;
import io.pollcast.storage.Database;
import io.pollcast.storage.Engine;
import io.pollcast.storage.VoterId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bot is killed with SIGKILL while it takes votes through the poll service; after a restart on
 * the same database (H2 file, or PostgreSQL whose server keeps running) every vote it had
 * acknowledged is there and the counters equal a recount.
 */
final class CrashDrillTest {
  private static final int ACKS_BEFORE_KILL = 2_000;

  private record Ack(String listener, long poll, int option) {}

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyAcknowledgedVoteSurvivesSigkillOfTheBot(Engine engine, @TempDir Path dir)
      throws Exception {
    Map<String, String> env = TestSettings.env(engine, dir);
    // given a bot voting as fast as it can, from many listeners at once
    Process bot = crashDrill(env).start();
    List<Ack> acknowledged = new ArrayList<>();
    try (var out =
        new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (acknowledged.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
        String[] parts = line.split(" ", -1);
        if (parts.length == 4 && parts[0].equals("ACK")) {
          acknowledged.add(new Ack(parts[1], Long.parseLong(parts[2]), Integer.parseInt(parts[3])));
        }
      }
      // when it is killed mid-burst: no shutdown hooks, nothing flushed
      bot.destroyForcibly();
      assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).hasSize(ACKS_BEFORE_KILL);

    // then Pollcast, opened again on the same database, finds the counters equal to a recount
    CliRun verify = CliRun.of(env, "", "verify");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();

    // and every acknowledged vote, with the option acknowledged
    Pseudonymizer pseudonyms = new Pseudonymizer(TestSettings.key());
    var config = ConfigLoader.load(Optional.empty(), env);
    try (Database db = Database.open(config.storage())) {
      List<Ack> missing =
          db.jdbi()
              .withHandle(
                  h -> {
                    List<Ack> lost = new ArrayList<>();
                    for (Ack ack : acknowledged) {
                      VoterId voter =
                          pseudonyms.voter(Platform.CONSOLE, ack.listener(), ack.poll());
                      Optional<Integer> stored =
                          h.createQuery(
                                  "SELECT option_idx FROM vote WHERE poll_id = :p AND voter = :v")
                              .bind("p", ack.poll())
                              .bind("v", voter.bytes())
                              .mapTo(Integer.class)
                              .findOne();
                      if (!stored.equals(Optional.of(ack.option()))) {
                        lost.add(ack);
                      }
                    }
                    return lost;
                  });
      assertThat(missing).isEmpty();
    }
  }

  private static ProcessBuilder crashDrill(Map<String, String> env) {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashDrill.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    return builder;
  }
}
