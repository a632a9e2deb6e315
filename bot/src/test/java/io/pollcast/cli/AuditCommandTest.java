package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollcast.TestSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AuditCommandTest {

  @Test
  void theOperatorReadsWhoDidWhatAsTextAndJson(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    CliRun.of(
        env,
        """
        anna: /poll start 68
        host: /poll start 68
        anna: /vote 68.1 Eens
        mod: /poll tally 68
        host: /poll close 68
        """);

    CliRun text = CliRun.of(env, "", "audit");
    CliRun json = CliRun.of(env, "", "audit", "--json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out().lines())
        .hasSize(5)
        .anySatisfy(
            l -> assertThat(l).contains("import episode 68  by operator (console local-operator)"))
        .anySatisfy(
            l -> assertThat(l).contains("link  by host (console host)  dashboard link as host"))
        .anySatisfy(l -> assertThat(l).contains("start episode 68  by host (console host)"))
        .anySatisfy(l -> assertThat(l).contains("tally episode 68  by mod (console mod)"))
        .anySatisfy(l -> assertThat(l).contains("close episode 68  by host (console host)"));
    assertThat(text.out()).doesNotContain("anna");
    JsonNode entries = new ObjectMapper().readTree(json.out());
    assertThat(entries).hasSize(5);
    assertThat(entries.get(2).get("action").asText()).isEqualTo("start");
    assertThat(entries.get(2).get("userId").asText()).isEqualTo("host");
    assertThat(entries.get(2).get("episode").asInt()).isEqualTo(68);
  }

  @Test
  void namesCannotRewriteTheOperatorsTerminal() {
    assertThat(AuditFormats.printable("Evil\u001b[2J\u202Eeman\nx")).isEqualTo("Evil?[2J?eman?x");
    assertThat(AuditFormats.printable("Joël 😀")).isEqualTo("Joël 😀");
  }

  @Test
  void anEmptyLogSaysSo(@TempDir Path dir) {
    CliRun run = CliRun.of(TestSettings.fileEnv(dir), "", "audit");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("The audit log is empty");
  }
}
