package io.pollcast.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.storage.AuditEntry;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every host and moderator action, tried in the console chat by someone without the role: refused
 * with the reason, and nothing changed (no poll posted or closed, nothing imported, no audit line).
 */
final class ConsoleRefusalTest {
  private final PollcastConfig config = TestSettings.inMemory(Map.of());
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final ConsoleOutput output =
      new ConsoleOutput(new PrintStream(screen, true, StandardCharsets.UTF_8));
  private final Pollcast pollcast =
      Pollcast.open(
          config,
          TestSettings.key(),
          Clock.systemUTC(),
          Map.of(
              Platform.CONSOLE,
              new ConsolePublisher(output, Pollcast.texts(config), config.console().chartDir())));

  @TempDir Path dir;

  @AfterEach
  void close() {
    pollcast.close();
  }

  private String chat(String lines) throws Exception {
    new ConsoleChat(config.console(), pollcast.handler(), pollcast.texts(), output)
        .run(new BufferedReader(new StringReader(lines)), List.of());
    return screen.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "anna | /poll import FILE       | Alleen hosts mogen dat doen.",
        "mod  | /poll import FILE       | Alleen hosts mogen dat doen.",
        "anna | /poll start 68          | Alleen hosts mogen dat doen.",
        "mod  | /poll start 68 closes:3d | Alleen hosts mogen dat doen.",
        "anna | /poll close 68          | Alleen hosts mogen dat doen.",
        "mod  | /poll close 68          | Alleen hosts mogen dat doen.",
        "anna | /poll tally 68          | Alleen moderators en hosts mogen de tussenstand bekijken."
      })
  void actionsWithoutTheRoleAreRefusedAndChangeNothing(String name, String command, String reply)
      throws Exception {
    pollcast.service().importEpisode(LocalOperator.ACTOR, BundledEpisodes.example());
    Path file = dir.resolve("episode-069.txt");
    Files.writeString(file, "69\n\nTitel\n\nStelling 1: Een stelling\n");
    if (command.contains("close")) {
      chat("host: /poll start 68\n");
    }
    List<AuditEntry> auditBefore = pollcast.service().audit().entries();
    int openBefore = pollcast.service().episodes().get(0).openPolls();

    String out = chat(name + ": " + command.replace("FILE", file.toString()) + "\n");

    assertThat(out).contains("[pollcast → " + name + "] " + reply);
    assertThat(pollcast.service().episodes()).hasSize(1);
    assertThat(pollcast.service().episodes().get(0).openPolls()).isEqualTo(openBefore);
    assertThat(pollcast.service().audit().entries()).isEqualTo(auditBefore);
    assertThat(pollcast.service().pollIn(Place.CONSOLE, 68, 1).map(p -> p.reference()))
        .isEqualTo(command.contains("close") ? Optional.of("68.1") : Optional.empty());
  }
}
