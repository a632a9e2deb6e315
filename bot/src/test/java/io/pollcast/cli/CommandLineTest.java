package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class CommandLineTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "run",
        "import",
        "episodes",
        "tally",
        "reasons",
        "chart",
        "demo",
        "audit",
        "verify"
      })
  void everyCommandExplainsItselfWithAnExample(String command) {
    CliRun help = CliRun.of(Map.of(), "", command, "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("Usage: pollcast " + command)
        .contains("Example")
        .contains("--config");
  }

  @Test
  @DisplayName("the command list's summaries end where their sentence ends")
  void commandSummariesAreWholeSentences() {
    CliRun help = CliRun.of(Map.of(), "", "--help");

    String commands =
        help.out().substring(help.out().indexOf("Commands:"), help.out().indexOf("Examples:"));
    List<String> entries = List.of(commands.split("\n(?=  [a-z])"));
    List<String> summaries =
        entries.subList(1, entries.size()).stream()
            .map(s -> s.strip().replaceAll("\\s+", " "))
            .toList();
    assertThat(summaries).hasSize(12).allSatisfy(s -> assertThat(s).endsWith("."));
  }

  @Test
  void badUsageExitsWithTwo() {
    assertThat(CliRun.of(Map.of(), "", "tally").exitCode()).isEqualTo(2);
    assertThat(CliRun.of(Map.of(), "", "frobnicate").exitCode()).isEqualTo(2);
    assertThat(CliRun.of(Map.of(), "", "tally", "68", "--json", "--csv").exitCode()).isEqualTo(2);
  }

  @Test
  void badConfigurationExitsWithTwoAndNamesTheKey(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("bad.conf");
    Files.writeString(config, "pollcast.languag = en");

    CliRun run =
        CliRun.of(TestSettings.fileEnv(dir), "", "episodes", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("pollcast.languag");
  }

  @Test
  void importReportsAndBadShowNotesExitWithTwoNamingTheLine(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    Path good = dir.resolve("episode-069.txt");
    Files.writeString(
        good,
        "69\n\nEen titel\n\nStelling 1: Iets om over te stemmen\n\nUitleg.\n",
        StandardCharsets.UTF_8);
    Path bad = dir.resolve("bad.txt");
    Files.writeString(
        bad, "70\n\nTitel\n\nStelling 1: Een\n\nStelling 1: Twee\n", StandardCharsets.UTF_8);

    CliRun imported = CliRun.of(env, "", "import", good.toString());
    CliRun refused = CliRun.of(env, "", "import", bad.toString());
    CliRun episodes = CliRun.of(env, "", "episodes");

    assertThat(imported.exitCode()).isZero();
    assertThat(imported.out()).contains("69").contains("Een titel");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("bad.txt regel 7: stelling 1 staat er twee keer in");
    assertThat(episodes.out()).contains("Aflevering 69: Een titel").doesNotContain("Aflevering 70");
  }

  @Test
  void tallyOfAnUnknownEpisodeExitsWithTwo(@TempDir Path dir) {
    CliRun run = CliRun.of(TestSettings.fileEnv(dir), "", "tally", "99");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Aflevering 99 bestaat niet");
  }

  @Test
  void chartWritesThePngOfAnEpisode(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    CliRun.of(env, "host: /poll start 68\nanna: /vote 68.1 Eens\n");
    Path out = dir.resolve("results.png");

    CliRun run = CliRun.of(env, "", "chart", "68", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Grafiek van aflevering 68 geschreven naar " + out);
    var image = javax.imageio.ImageIO.read(out.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isBetween(600, 2000);
    assertThat(CliRun.of(env, "", "chart", "99", "--out", out.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void demoPlaysTheWholeFlow() {
    CliRun run =
        CliRun.of(
            Map.of("POLLCAST_VOTER_KEY", TestSettings.VOTER_KEY),
            "",
            "demo",
            "--voters",
            "40",
            "--seed",
            "3");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("host: /poll start 68")
        .contains("40 listeners voted on 3 theses")
        .contains("Uitslag aflevering 68");
  }
}
