package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Role;
import io.pollcast.storage.Database;
import io.pollcast.text.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under an H2 database fills up, for real: the database lives on a small tmpfs that the
 * test mounts (as root; skipped where mounting is not allowed) and fills with a file. H2 then
 * closes the database; clicks meanwhile are told that their vote could not be stored; once the file
 * is removed, the same bot takes votes again, and the database, opened afresh, holds exactly the
 * acknowledged votes with counters that equal a recount.
 */
final class DiskFullTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));

  @TempDir Path dir;

  @Test
  @DisplayName("H2 on a full disk: clicks told to try again, nothing corrupt, recovers with space")
  void votesOnAFullDisk() throws Exception {
    Path disk = dir.resolve("disk");
    Files.createDirectories(disk);
    Assumptions.assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString()) == 0,
        "mounting a small tmpfs needs root");
    try {
      PollcastConfig config = ConfigLoader.load(Optional.empty(), TestSettings.fileEnv(disk));
      Path filler = disk.resolve("filler");
      int acknowledged;
      try (Pollcast pollcast =
          Pollcast.open(
              config,
              TestSettings.key(),
              Clock.systemUTC(),
              Map.of(Platform.CONSOLE, new RecordingPublisher()))) {
        pollcast.service().importEpisode(HOST, BundledEpisodes.example());
        pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
        PollInfo poll = pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow();
        Messages texts = pollcast.texts().messages();
        String counted = texts.get("vote.counted", "Eens", "68.1");
        String failed = texts.get("vote.failed");
        assertThat(vote(pollcast, "anna", poll)).isEqualTo(counted);

        fill(filler);
        // Clicked at once, so that they wait for the database together.
        List<CompletableFuture<String>> clicks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          clicks.add(click(pollcast, "full" + i, poll));
        }
        List<String> whileFull = new ArrayList<>();
        for (CompletableFuture<String> click : clicks) {
          whileFull.add(click.get(30, TimeUnit.SECONDS));
        }
        Files.delete(filler);
        // The first statement after the space returned may still meet the closed database (and
        // have the pool replace its connections); the next ones open it afresh.
        List<String> afterwards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          afterwards.add(vote(pollcast, "later" + i, poll));
        }

        assertThat(whileFull).contains(failed).allMatch(a -> a.equals(failed) || a.equals(counted));
        assertThat(failed).isEqualTo("Je stem kon niet worden opgeslagen. Probeer het zo opnieuw.");
        // Told to try again only until the first is counted; the last ones are counted.
        int firstCounted = afterwards.indexOf(counted);
        assertThat(firstCounted).isBetween(0, 2);
        assertThat(afterwards.subList(0, firstCounted)).allMatch(failed::equals);
        assertThat(afterwards.subList(firstCounted, afterwards.size())).containsOnly(counted);
        acknowledged =
            1
                + (int) whileFull.stream().filter(counted::equals).count()
                + (int) afterwards.stream().filter(counted::equals).count();
        assertThat(pollcast.service().results(68).theses().get(0).voters()).isEqualTo(acknowledged);
      }

      // Opened afresh: every acknowledged vote is there, and the counters equal a recount.
      try (Database db = Database.open(config.storage())) {
        assertThat(db.polls().counterDifferences()).isEmpty();
      }
      try (Pollcast reopened = Pollcast.openForReading(config, Clock.systemUTC())) {
        assertThat(reopened.service().results(68).theses().get(0).voters()).isEqualTo(acknowledged);
      }
    } finally {
      run("umount", "-l", disk.toString());
    }
  }

  private static void fill(Path filler) {
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException full) {
      // the disk is full
    }
  }

  private static String vote(Pollcast pollcast, String name, PollInfo poll) throws Exception {
    return click(pollcast, name, poll).get(30, TimeUnit.SECONDS);
  }

  private static CompletableFuture<String> click(Pollcast pollcast, String name, PollInfo poll) {
    Actor voter = new Actor(Platform.CONSOLE, name, name, Set.of());
    return pollcast.handler().vote(voter, Place.CONSOLE, poll.pollId(), 0);
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).inheritIO().start();
    return process.waitFor();
  }
}
