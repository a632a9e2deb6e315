package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.poll.Actor;
import io.pollcast.poll.Place;
import io.pollcast.poll.Platform;
import io.pollcast.poll.RecordingPublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class VerifyCommandTest {

  @ParameterizedTest
  @ValueSource(strings = {"verify", "bench"})
  void explainsItselfWithAnExample(String command) {
    CliRun help = CliRun.of(Map.of(), "", command, "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: pollcast " + command)
        .contains("Example")
        .contains("--config")
        .doesNotContain("--crash-drill");
  }

  @Test
  void exitsWithZeroWhenTheCountersEqualARecountAndOneWithTheDifferencesOtherwise(
      @TempDir Path dir) {
    Map<String, String> env = TestSettings.fileEnv(dir);
    long poll;
    try (Pollcast bot =
        Pollcast.open(
            ConfigLoader.load(Optional.empty(), env),
            TestSettings.key(),
            Clock.systemUTC(),
            Map.of(Platform.CONSOLE, new RecordingPublisher()))) {
      bot.service().importEpisode(LocalOperator.ACTOR, BundledEpisodes.example());
      bot.service().start(LocalOperator.ACTOR, Place.CONSOLE, 68, Optional.empty());
      poll = bot.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
      for (String name : new String[] {"anna", "bert", "cees"}) {
        bot.service().vote(new Actor(Platform.CONSOLE, name, name, Set.of()), poll, 0).join();
      }
    }

    CliRun exact = CliRun.of(env, "", "verify");

    assertThat(exact.exitCode()).as(exact.err()).isZero();
    assertThat(exact.out()).contains("All counters equal a recount");

    // a counter that drifted, e.g. after someone edited the database by hand
    try (Pollcast bot =
        Pollcast.open(
            ConfigLoader.load(Optional.empty(), env),
            TestSettings.key(),
            Clock.systemUTC(),
            Map.of())) {
      bot.database()
          .jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE poll_option SET votes = votes + 2 WHERE poll_id = ? AND idx = 0",
                      poll));
    }

    CliRun drifted = CliRun.of(env, "", "verify");

    assertThat(drifted.exitCode()).isEqualTo(1);
    assertThat(drifted.out())
        .contains("poll " + poll + " (thesis 68.1 on console in console), option 1 \"Eens\"")
        .contains("the counter is 2 above the recount")
        .contains("1 counter(s) differ.");
  }

  @Test
  void aSmallBenchRunPrintsAndWritesItsFigures(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("BENCHMARKS.md");

    CliRun run =
        CliRun.of(
            Map.of(),
            "",
            "bench",
            "--votes",
            "2000",
            "--latency-seconds",
            "1",
            "--report",
            report.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("votes/s")
        .contains("Ratio 2 / 1")
        .contains("p99.9")
        .contains("Peak heap")
        .contains("Database file after 2,000 votes")
        .contains("Acknowledged votes lost | **none**")
        .contains("pollcast.jar bench --votes 2000 --latency-seconds 1.0");
    assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(run.out());
  }
}
