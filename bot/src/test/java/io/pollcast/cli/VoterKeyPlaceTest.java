package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Pollcast;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.poll.VoterKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voter key lives beside the H2 database, not in whatever folder a command is started from, and
 * commands that only read never create one.
 */
final class VoterKeyPlaceTest {

  private static Map<String, String> env(Path data) {
    return Map.of(
        "CONFIG_FORCE_pollcast_storage_url",
        "jdbc:h2:file:" + data.resolve("pollcast").toAbsolutePath() + ";AUTO_SERVER=TRUE",
        "CONFIG_FORCE_pollcast_console_chart__dir",
        data.resolve("charts").toString());
  }

  @Test
  void tallyFromAnotherFolderCreatesNoKeyAndCountsTheOpenPolls(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Map<String, String> env = env(data);
    // given a bot whose polls are open, with its key created beside the database
    PollcastConfig config = ConfigLoader.load(Optional.empty(), env);
    byte[] key = VoterKeys.load(config.privacy(), config.secrets());
    try (Pollcast bot =
        Pollcast.open(
            config, key, Clock.systemUTC(), Map.of(Platform.CONSOLE, new RecordingPublisher()))) {
      bot.service().importEpisode(LocalOperator.ACTOR, BundledEpisodes.example());
      bot.service().start(LocalOperator.ACTOR, Place.CONSOLE, 68, Optional.empty());
      long poll = bot.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
      bot.votes()
          .vote(new Actor(Platform.CONSOLE, "anna", "anna", Set.of()), Place.CONSOLE, poll, 0)
          .join();
    }
    assertThat(data.resolve("voter.key")).exists();
    String keyBefore = Files.readString(data.resolve("voter.key"));

    // when a moderator runs tally from another folder
    try (BotProcess tally = BotProcess.start(env, elsewhere, "tally", "68", "--csv")) {
      int exit = tally.awaitExit(Duration.ofSeconds(60));

      // then it works, and creates nothing there, and the key stays as it was
      assertThat(exit).as(tally.toString()).isZero();
      assertThat(tally.out()).contains("68,1,all,Eens,1,100");
    }
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
    assertThat(Files.readString(data.resolve("voter.key"))).isEqualTo(keyBefore);
  }

  @Test
  void commandsThatOnlyReadNeverCreateAKey(@TempDir Path dir) {
    Map<String, String> env = env(dir);

    for (List<String> command :
        List.of(
            List.of("episodes"),
            List.of("audit"),
            List.of("verify"),
            List.of("tally", "68"),
            List.of("chart", "68", "--out", dir.resolve("c.png").toString()))) {
      CliRun run = CliRun.of(env, "", command.toArray(String[]::new));
      assertThat(run.err()).as(command.toString()).doesNotContain("key");
    }

    assertThat(dir.resolve("voter.key")).doesNotExist();
  }

  @Test
  void postgresqlWithoutAKeyFileOrVariableIsRefusedNamingTheSetting() {
    CliRun run =
        CliRun.of(
            Map.of("CONFIG_FORCE_pollcast_storage_url", "jdbc:postgresql://127.0.0.1:1/none"),
            "",
            "run");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("pollcast.privacy.key-file").contains("POLLCAST_VOTER_KEY");
  }
}
