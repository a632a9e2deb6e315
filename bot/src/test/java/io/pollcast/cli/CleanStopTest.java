package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.TestSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a running console bot in the middle of a stream of votes: it stops taking lines,
 * finishes the votes in hand, closes the database itself (H2's exit hook does not close it under
 * them) and exits; the database is intact and holds every vote the bot confirmed.
 */
final class CleanStopTest {
  private static final int VOTES = 400;
  private static final int CONFIRMED_BEFORE_STOP = 25;

  @Test
  void sigtermStopsTheConsoleBotCleanlyWithTheDatabaseIntact(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    int confirmed;
    try (BotProcess bot = BotProcess.start(env, dir, "run")) {
      // given a bot taking a stream of votes
      bot.type("host: /poll start 68");
      for (int i = 0; i < VOTES; i++) {
        bot.type(
            "voter" + i + ": /vote 68." + (1 + i % 3) + " " + (i % 2 == 0 ? "Eens" : "Oneens"));
      }
      bot.awaitOut(line -> line.contains("Je stem telt"), CONFIRMED_BEFORE_STOP, "votes");

      // when it gets SIGTERM
      bot.terminate();

      // then it stops in order and exits with 0: a requested stop is a success
      assertThat(bot.awaitExit(Duration.ofSeconds(60))).as(bot.toString()).isZero();
      assertThat(bot.out()).as(bot.toString()).contains("Pollcast stopped.");
      assertThat(bot.out()).anyMatch(line -> line.startsWith("Stopping: finishing"));
      assertThat(bot.err()).as(bot.toString()).noneMatch(line -> line.contains("ERROR"));
      assertThat(bot.err()).noneMatch(line -> line.contains("Exception"));
      confirmed = (int) bot.out().stream().filter(line -> line.contains("Je stem telt")).count();
    }

    // and the database is intact, with every confirmed vote
    CliRun verify = CliRun.of(env, "", "verify");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    CliRun tally = CliRun.of(env, "", "tally", "68", "--csv");
    assertThat(tally.exitCode()).as(tally.err()).isZero();
    int counted =
        tally
            .out()
            .lines()
            .filter(line -> line.startsWith("68,") && line.contains(",all,"))
            .mapToInt(line -> Integer.parseInt(line.split(",")[4]))
            .sum();
    assertThat(counted).isGreaterThanOrEqualTo(confirmed).isLessThanOrEqualTo(VOTES);
  }
}
