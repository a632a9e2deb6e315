package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollcast.TestSettings;
import io.pollcast.storage.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A whole console session piped from a file, then the tally from the command line. */
final class ConsoleSessionTest {
  private static final String SESSION =
      """
      # a piped session
      host: /poll start 68
      anna: /vote 68.1 Eens
      bert: /vote 68.1 Oneens
      cees: /vote 68.1 eens
      bert: /vote 68.1 Eens
      dirk: /vote 68.2 Oneens
      anna: /vote 68.2 Eens
      anna: /withdraw 68.2
      eva: /vote 68.3 2
      eva: /vote 68.3 Misschien
      eva: /vote 68.9 Eens
      dirk: /poll close 68
      mod: /poll tally 68
      host: /poll close 68
      anna: /vote 68.1 Oneens
      """;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void pipedSessionCountsRightAndTheCommandLineAgrees(Engine engine, @TempDir Path dir)
      throws Exception {
    Map<String, String> env = TestSettings.env(engine, dir);

    CliRun run = CliRun.of(env, SESSION);

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out())
        .contains("Aflevering 68: Personalisatie, profiling en privacy (3 stelling(en)")
        .contains(
            "[pollcast] Stelling 68.1: Bedrijven die niet aan personalisatie doen, missen de boot")
        .contains("[pollcast → bert] Je stem is gewijzigd van Oneens naar Eens (stelling 68.1)")
        .contains("[pollcast → anna] Je stem op Eens is ingetrokken (stelling 68.2).")
        .contains(
            "[pollcast → eva] Stelling 68.3 heeft geen optie \"Misschien\". Kies uit: Eens, Oneens.")
        .contains("[pollcast → eva] Stelling 68.9 is hier geen open poll.")
        .contains("[pollcast → dirk] Alleen hosts mogen dat doen.")
        .contains("[pollcast → mod] Tussenstand aflevering 68")
        .contains("Uitslag aflevering 68: Personalisatie, profiling en privacy")
        .contains("[pollcast → anna] Deze poll is gesloten; je stem is niet meegeteld.");
    String announcement = run.out().substring(run.out().indexOf("Uitslag aflevering 68"));
    assertThat(announcement)
        .contains("Eens   ████████████████████ 100% 3")
        .contains("Oneens ████████████████████ 100% 1");

    CliRun tally = CliRun.of(env, "", "tally", "68", "--json");

    assertThat(tally.exitCode()).isEqualTo(0);
    JsonNode json = new ObjectMapper().readTree(tally.out());
    assertThat(json.get("closed").asBoolean()).isTrue();
    JsonNode theses = json.get("theses");
    assertThat(theses.get(0).get("options").get(0).get("votes").asInt()).isEqualTo(3);
    assertThat(theses.get(0).get("options").get(1).get("votes").asInt()).isZero();
    assertThat(theses.get(1).get("options").get(0).get("votes").asInt()).isZero();
    assertThat(theses.get(1).get("options").get(1).get("votes").asInt()).isEqualTo(1);
    assertThat(theses.get(2).get("options").get(1).get("votes").asInt()).isEqualTo(1);
    assertThat(theses.get(0).get("platforms").get("console").get("Eens").asInt()).isEqualTo(3);

    CliRun verify = CliRun.of(env, "", "verify");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
  }

  @Test
  void closingInTheConsolePrintsTheAnnouncementAndWhereItsChartIs(@TempDir Path dir)
      throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);

    CliRun run =
        CliRun.of(
            env,
            """
            host: /poll start 68
            anna: /vote 68.1 Eens
            host: /poll close 68
            host: /poll reopen 68
            bert: /vote 68.1 Oneens
            host: /poll close 68
            """);

    Path chart = dir.resolve("charts").resolve("episode-68-1.png");
    Path updated = dir.resolve("charts").resolve("episode-68-2.png");
    assertThat(run.out())
        .contains("[pollcast] Stelling 68.1 is gesloten.")
        .contains("Uitslag aflevering 68: Personalisatie, profiling en privacy")
        .contains("Grafiek: " + chart)
        .contains("[pollcast] Stelling 68.1 is weer open.")
        .contains("[pollcast → host] Aflevering 68 is heropend (3 poll(s))")
        .contains("Bijgewerkte uitslag: de polls van aflevering 68 zijn heropend")
        .contains("Grafiek: " + updated);
    assertThat(run.out().indexOf("Grafiek: " + chart))
        .isLessThan(run.out().indexOf("[pollcast → host] Aflevering 68 is gesloten"));
    assertThat(Files.readAllBytes(chart)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Files.size(updated)).isPositive();
  }

  @Test
  void aDebatesNextRoundIsPrintedAgainWithItsRoundAndHowToVote(@TempDir Path dir) {
    CliRun run =
        CliRun.of(
            TestSettings.fileEnv(dir),
            """
            host: /poll start 68 debate
            host: /poll after 68
            """);

    assertThat(run.out())
        .contains(
            "[pollcast] Bijgewerkt: Stelling 68.1 · Ronde: na (na het luisteren): Bedrijven die"
                + " niet aan personalisatie doen, missen de boot\n"
                + "           Stem met: /vote 68.1 Eens  |  /vote 68.1 Oneens");
  }

  @Test
  void csvHasCountsOnly(@TempDir Path dir) {
    Map<String, String> env = TestSettings.fileEnv(dir);
    CliRun.of(env, "host: /poll start 68\nanna: /vote 68.1 Eens\n");

    CliRun csv = CliRun.of(env, "", "tally", "68", "--csv");

    assertThat(csv.out().lines())
        .startsWith("episode,thesis,platform,option,votes,percent", "68,1,all,Eens,1,100")
        .contains("68,1,console,Eens,1,")
        .noneMatch(line -> line.contains("anna"));
  }
}
