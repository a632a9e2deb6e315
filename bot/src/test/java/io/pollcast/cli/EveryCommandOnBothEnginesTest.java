package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.TestSettings;
import io.pollcast.storage.Engine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every command of the command line works the same on an H2 file and on PostgreSQL. */
final class EveryCommandOnBothEnginesTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importRunEpisodesTallyChartAuditAndVerify(Engine engine, @TempDir Path dir)
      throws Exception {
    Map<String, String> env = TestSettings.env(engine, dir);
    Path notes = dir.resolve("episode-069.txt");
    Files.writeString(
        notes,
        "69\n\nEen titel\n\nStelling 1: Iets om over te stemmen\n\nUitleg.\n",
        StandardCharsets.UTF_8);

    CliRun imported = CliRun.of(env, "", "import", notes.toString());
    CliRun session =
        CliRun.of(
            env,
            "host: /poll start 69\nanna: /vote 69.1 Eens\nbert: /vote 69.1 Oneens\n"
                + "bert: /withdraw 69.1\nhost: /poll close 69\n");
    CliRun episodes = CliRun.of(env, "", "episodes");
    CliRun tally = CliRun.of(env, "", "tally", "69", "--csv");
    Path chart = dir.resolve("results.png");
    CliRun charted = CliRun.of(env, "", "chart", "69", "--out", chart.toString());
    CliRun audit = CliRun.of(env, "", "audit");
    CliRun verify = CliRun.of(env, "", "verify");

    for (CliRun run : new CliRun[] {imported, session, episodes, tally, charted, audit, verify}) {
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }
    assertThat(episodes.out()).contains("69").contains("Een titel");
    assertThat(tally.out()).contains("69,1,all,Eens,1,100").contains("69,1,all,Oneens,0,0");
    assertThat(Files.size(chart)).isPositive();
    assertThat(audit.out()).contains("69");
  }
}
