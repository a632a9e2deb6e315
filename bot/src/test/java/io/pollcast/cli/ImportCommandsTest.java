package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollcast.TestSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a host sees of an import: a piped console session imports notes with a slip, then the
 * command line shows the dry run, the episode with its theses, and the tally of polls never
 * started.
 */
final class ImportCommandsTest {
  private static final String NOTES =
      """
      75
      Stemmen op afstand

      Stelling 1: Iedereen moet kunnen meestemmen,
      ook van ver

      Waarom dat telt.

      Stelling 3 (Milan): Shownotes leest niemand
      """;

  @Test
  void importEpisodesAndTallyShowWhatWasRead(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    Path notes = dir.resolve("episode-075.txt");
    Files.writeString(notes, NOTES, StandardCharsets.UTF_8);

    CliRun dryRun = CliRun.of(env, "", "import", notes.toString(), "--dry-run");
    CliRun nothingStored = CliRun.of(env, "", "episodes", "75");
    CliRun session = CliRun.of(env, "host: /poll import " + notes + "\n");
    CliRun episode = CliRun.of(env, "", "episodes", "75");
    CliRun json = CliRun.of(env, "", "episodes", "75", "--json");
    CliRun tally = CliRun.of(env, "", "tally", "75");
    CliRun tallyJson = CliRun.of(env, "", "tally", "75", "--json");

    assertThat(dryRun.exitCode()).isZero();
    assertThat(dryRun.out())
        .contains(
            "Aflevering 75 \"Stemmen op afstand\" gelezen met 2 stelling(en); er is niets"
                + " opgeslagen (proefimport).")
        .contains(
            "  Stelling 1: Iedereen moet kunnen meestemmen, ook van ver\n    Waarom dat telt.")
        .contains("  Stelling 3: Shownotes leest niemand\n    (geen toelichting)")
        .contains("Opties: Eens / Oneens")
        .contains("Let op, regel 9: stelling 3 volgt op stelling 1; er is geen stelling 2");
    assertThat(nothingStored.exitCode()).isEqualTo(2);
    assertThat(session.out())
        .contains("Aflevering 75 \"Stemmen op afstand\" geïmporteerd met 2 stelling(en).")
        .contains("  Stelling 3: Shownotes leest niemand")
        .contains("Let op, regel 9:");
    assertThat(episode.out())
        .contains(
            """
            Aflevering 75: Stemmen op afstand (2 stelling(en), 0 open, 0 gesloten)
              Stelling 1: Iedereen moet kunnen meestemmen, ook van ver
              Stelling 3: Shownotes leest niemand""")
        .doesNotContain("Aflevering 68");
    JsonNode listed = new ObjectMapper().readTree(json.out());
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("theses").get(1).get("text").asText())
        .isEqualTo("Shownotes leest niemand");
    assertThat(tally.out())
        .startsWith("Aflevering 75 \"Stemmen op afstand\": de polls zijn nog niet gestart")
        .contains("  Stelling 1: Iedereen moet kunnen meestemmen, ook van ver");
    JsonNode counted = new ObjectMapper().readTree(tallyJson.out());
    assertThat(counted.get("started").asBoolean()).isFalse();
    assertThat(counted.get("closed").asBoolean()).isFalse();
    assertThat(counted.get("theses")).hasSize(2);
    assertThat(counted.get("theses").get(0).get("started").asBoolean()).isFalse();
  }
}
