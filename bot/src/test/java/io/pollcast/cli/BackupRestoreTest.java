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
import io.pollcast.domain.VoteOutcome;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.storage.Await;
import io.pollcast.storage.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pollcast backup} while votes come in, {@code pollcast restore} into a new folder: the copy
 * is consistent (its counters equal a recount) and, made after the voting, has the same tally.
 */
final class BackupRestoreTest {
  private static final int VOTERS = 4;

  @Test
  void aBackupDuringVotingRestoresConsistentAndOneAfterItGivesTheSameTally(@TempDir Path dir)
      throws Exception {
    Map<String, String> live = TestSettings.fileEnv(dir.resolve("live"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicBoolean voting = new AtomicBoolean(true);
    try (Pollcast bot =
        Pollcast.open(
            ConfigLoader.load(Optional.empty(), live),
            TestSettings.key(),
            Clock.systemUTC(),
            Map.of(Platform.CONSOLE, new RecordingPublisher()))) {
      // given a bot taking votes from several listeners at once
      bot.service().importEpisode(LocalOperator.ACTOR, BundledEpisodes.example());
      bot.service().start(LocalOperator.ACTOR, Place.CONSOLE, 68, Optional.empty());
      List<Thread> voters = startVoting(bot, voting, acknowledged);
      Await.until(Duration.ofSeconds(60), () -> acknowledged.get() >= 200, () -> "votes");

      // when a backup is made from another process, in another folder, while they vote
      int before = acknowledged.get();
      try (BotProcess backup =
          BotProcess.start(
              live, elsewhere, "backup", "--out", dir.resolve("during.zip").toString())) {
        assertThat(backup.awaitExit(Duration.ofSeconds(60))).as(backup.toString()).isZero();
      }
      int after = acknowledged.get();
      voting.set(false);
      for (Thread voter : voters) {
        voter.join();
      }
      CliRun second = CliRun.of(live, "", "backup", "--out", dir.resolve("after.zip").toString());
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out()).contains("The voter key is not in it");
      String liveTally = tally(live);

      // then the backup made during the voting restores to a database whose counters are exact
      Map<String, String> during = TestSettings.fileEnv(dir.resolve("restored-during"));
      CliRun restore = CliRun.of(during, "", "restore", dir.resolve("during.zip").toString());
      assertThat(restore.exitCode()).as(restore.err()).isZero();
      assertThat(restore.out()).contains("Restored 1 episode(s)");
      assertThat(CliRun.of(during, "", "verify").exitCode()).isZero();
      assertThat(totalVotes(tally(during)))
          .isGreaterThanOrEqualTo(before)
          .isLessThanOrEqualTo(after + VOTERS);

      // and the one made after it has the same tally as the bot
      Map<String, String> afterwards = TestSettings.fileEnv(dir.resolve("restored-after"));
      assertThat(
              CliRun.of(afterwards, "", "restore", dir.resolve("after.zip").toString()).exitCode())
          .isZero();
      assertThat(CliRun.of(afterwards, "", "verify").exitCode()).isZero();
      assertThat(tally(afterwards)).isEqualTo(liveTally);
      assertThat(totalVotes(liveTally)).isEqualTo(acknowledged.get());

      // and a database that holds data is never overwritten
      CliRun again = CliRun.of(afterwards, "", "restore", dir.resolve("during.zip").toString());
      assertThat(again.exitCode()).isEqualTo(2);
      assertThat(again.err()).contains("already holds episodes").contains("pollcast.storage.url");
      assertThat(tally(afterwards)).isEqualTo(liveTally);
    }
  }

  @Test
  void anExistingBackupFileIsNeverOverwritten(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    Path existing = Files.writeString(dir.resolve("backup.zip"), "keep me");

    CliRun run = CliRun.of(env, "", "backup", "--out", existing.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("exists already");
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  @Test
  void onPostgresqlBackupAndRestoreSayHowWithPgDumpInsteadOfPretending(@TempDir Path dir) {
    Map<String, String> env = TestSettings.env(Engine.POSTGRESQL, dir);

    CliRun backup = CliRun.of(env, "", "backup", "--out", dir.resolve("b.zip").toString());
    CliRun restore = CliRun.of(env, "", "restore", dir.resolve("b.zip").toString());

    assertThat(backup.exitCode()).isEqualTo(2);
    assertThat(backup.err()).contains("pg_dump").contains("pg_restore");
    assertThat(dir.resolve("b.zip")).doesNotExist();
    assertThat(restore.exitCode()).isEqualTo(2);
    assertThat(restore.err()).contains("pg_restore");
  }

  private static List<Thread> startVoting(
      Pollcast bot, AtomicBoolean voting, AtomicInteger acknowledged) {
    List<Long> polls = new ArrayList<>();
    for (int thesis = 1; thesis <= 3; thesis++) {
      polls.add(bot.service().pollIn(Place.CONSOLE, 68, thesis).orElseThrow().pollId());
    }
    AtomicInteger next = new AtomicInteger();
    List<Thread> voters = new ArrayList<>();
    for (int t = 0; t < VOTERS; t++) {
      Thread voter =
          new Thread(
              () -> {
                while (voting.get()) {
                  int n = next.getAndIncrement();
                  String listener = "listener-" + n;
                  VoteOutcome result =
                      bot.votes()
                          .vote(
                              new Actor(Platform.CONSOLE, listener, listener, Set.of()),
                              Place.CONSOLE,
                              polls.get(n % polls.size()),
                              n % 2)
                          .join()
                          .result();
                  if (result.status() == VoteOutcome.Status.COUNTED) {
                    acknowledged.incrementAndGet();
                  }
                }
              },
              "voter-" + t);
      voter.start();
      voters.add(voter);
    }
    return voters;
  }

  private static String tally(Map<String, String> env) {
    CliRun run = CliRun.of(env, "", "tally", "68", "--csv");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.out();
  }

  private static int totalVotes(String csv) {
    return csv.lines()
        .filter(line -> line.startsWith("68,") && line.contains(",all,"))
        .mapToInt(line -> Integer.parseInt(line.split(",")[4]))
        .sum();
  }
}
