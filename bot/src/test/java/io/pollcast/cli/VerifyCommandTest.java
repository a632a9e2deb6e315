package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.poll.RecordingPublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class VerifyCommandTest {

  @Test
  void explainsItselfWithAnExample() {
    CliRun help = CliRun.of(Map.of(), "", "verify", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: pollcast verify")
        .contains("Example")
        .contains("--config");
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
        bot.votes()
            .vote(new Actor(Platform.CONSOLE, name, name, Set.of()), Place.CONSOLE, poll, 0)
            .join();
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
}
