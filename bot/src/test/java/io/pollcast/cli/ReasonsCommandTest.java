package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollcast.TestSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pollcast reasons 68}: featured first, then the rest, hidden left out, nobody named. */
final class ReasonsCommandTest {

  @Test
  void theHostsReadTheReasonsAsTextAndJson(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    CliRun session =
        CliRun.of(
            env,
            """
            host: /poll start 68
            anna: /vote 68.1 Eens
            anna: /why 68.1 Eerste reden
            bert: /vote 68.1 Oneens
            bert: /why 68.1 Tweede reden
            cees: /vote 68.1 Oneens
            cees: /why 68.1 Derde reden
            mod: /poll feature 68.1 R1
            mod: /poll hide 68.1 R3
            """);
    assertThat(session.exitCode()).isZero();

    CliRun text = CliRun.of(env, "", "reasons", "68");
    CliRun json = CliRun.of(env, "", "reasons", "68", "--json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .containsSubsequence(
            "Stelling 68.1", "* \u201CEerste reden\u201D", "- \u201CTweede reden\u201D")
        .contains("Stelling 68.2", "(nog geen redenen)")
        .doesNotContain("Derde reden", "anna", "bert");
    JsonNode reasons =
        new ObjectMapper().readTree(json.out()).path("theses").path(0).path("reasons");
    assertThat(reasons)
        .extracting(
            r ->
                r.path("id").asText()
                    + " "
                    + r.path("featured").asBoolean()
                    + " "
                    + r.path("text").asText())
        .containsExactly("R1 true Eerste reden", "R2 false Tweede reden");
    assertThat(json.out()).doesNotContain("anna", "voter");
  }
}
