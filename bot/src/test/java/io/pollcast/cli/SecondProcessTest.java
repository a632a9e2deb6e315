package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Main;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.poll.RecordingPublisher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A moderator checks the tally from a second terminal while the bot runs on the same file. */
final class SecondProcessTest {

  @Test
  void tallyFromAnotherProcessWhileTheBotRuns(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    var config = ConfigLoader.load(Optional.empty(), env);
    try (Pollcast bot =
        Pollcast.open(
            config,
            TestSettings.key(),
            Clock.systemUTC(),
            Map.of(Platform.CONSOLE, new RecordingPublisher()))) {
      bot.service().importEpisode(LocalOperator.ACTOR, BundledEpisodes.example());
      bot.service().start(LocalOperator.ACTOR, Place.CONSOLE, 68, Optional.empty());
      long poll = bot.service().pollIn(Place.CONSOLE, 68, 2).orElseThrow().pollId();
      bot.votes()
          .vote(new Actor(Platform.CONSOLE, "anna", "anna", Set.of()), Place.CONSOLE, poll, 1)
          .join();

      ProcessBuilder builder =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-cp",
              System.getProperty("java.class.path"),
              Main.class.getName(),
              "tally",
              "68",
              "--csv");
      builder.environment().putAll(env);
      Process tally = builder.redirectErrorStream(true).start();
      String output = new String(tally.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(tally.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(tally.exitValue()).as(output).isZero();
      assertThat(output).contains("68,2,all,Oneens,1,100");
      // the bot still works after the second process left
      long other = bot.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
      assertThat(
              bot.votes()
                  .vote(
                      new Actor(Platform.CONSOLE, "bert", "bert", Set.of()),
                      Place.CONSOLE,
                      other,
                      0)
                  .join()
                  .result()
                  .status()
                  .changed())
          .isTrue();
    }
  }
}
