package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pollcast.Pollcast;
import io.pollcast.TestClock;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.domain.Actor;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.HostStance;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.domain.ThesisResult;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.importer.HoconEpisodeParser;
import io.pollcast.storage.Engine;
import io.pollcast.text.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hosts' stances an episode file states ({@code stance} in HOCON), on both engines. */
final class StanceImportTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "Hanna", Set.of(Role.HOST));

  private final TestClock clock = new TestClock(Instant.parse("2026-11-29T20:00:00Z"));
  private Pollcast pollcast;

  @AfterEach
  void close() {
    if (pollcast != null) {
      pollcast.close();
    }
  }

  private static EpisodeDraft episode(String title, String stance1, String stance2)
      throws EpisodeFormatException {
    return new HoconEpisodeParser()
        .parse(
            """
            number = 80
            title = "%s"
            options = [Eens, Oneens, "Weet niet"]
            theses = [
              { text = "Podcasts zijn de nieuwe radio", %s }
              { text = "Luisteraars willen geen advertenties", %s }
            ]
            """
                .formatted(title, stance1, stance2),
            "episode-080.conf");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void importsTheStancesAndReplacesThemOnReimportKeepingAChatStance(
      Engine engine, @TempDir Path dir) throws Exception {
    pollcast =
        Pollcast.open(
            ConfigLoader.load(Optional.empty(), TestSettings.env(engine, dir)),
            TestSettings.key(),
            clock,
            Map.of(Platform.CONSOLE, new RecordingPublisher()));
    PollService service = pollcast.service();

    service.importEpisode(
        HOST, episode("Radio", "stance = oneens", "stance { Anna = Eens, \"Bert B\" = 3 }"));
    service.start(HOST, io.pollcast.domain.Place.CONSOLE, 80, Optional.empty());

    assertThat(stances(service, 1)).containsExactly(new HostStance(Optional.empty(), "Oneens"));
    assertThat(stances(service, 2))
        .containsExactly(
            new HostStance(Optional.of("Anna"), "Eens"),
            new HostStance(Optional.of("Bert B"), "Weet niet"));
    assertThat(
            new io.pollcast.text.DebateTexts(new Messages(io.pollcast.config.Language.NL))
                .stances(thesis(service, 1)))
        .contains("De hosts: Oneens; de luisteraars hebben nog niet gestemd.");

    // a host takes a stance in the chat; the file is edited and imported again
    service.stance(HOST, 80, 1, "Eens");
    service.importEpisode(HOST, episode("Radio", "stance { Anna = Eens }", "context = \"\""));

    assertThat(stances(service, 1))
        .containsExactlyInAnyOrder(
            new HostStance(Optional.of("Hanna"), "Eens"),
            new HostStance(Optional.of("Anna"), "Eens"));
    assertThat(stances(service, 2)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusesAStanceThatIsNoOptionNamingItsLineAndChangesNothing(Engine engine, @TempDir Path dir)
      throws Exception {
    pollcast =
        Pollcast.open(
            ConfigLoader.load(Optional.empty(), TestSettings.env(engine, dir)),
            TestSettings.key(),
            clock,
            Map.of(Platform.CONSOLE, new RecordingPublisher()));
    PollService service = pollcast.service();
    service.importEpisode(HOST, episode("Radio", "stance = Eens", "context = \"\""));

    EpisodeDraft wrong = episode("Nieuwe titel", "stance = Eens", "stance { Anna = Misschien }");
    RefusedException refused =
        catchThrowableOfType(RefusedException.class, () -> service.importEpisode(HOST, wrong));
    RefusedException preview =
        catchThrowableOfType(RefusedException.class, () -> service.previewImport(HOST, wrong));

    assertThat(refused.messageKey()).isEqualTo("import.stance-option");
    assertThat(pollcast.texts().refusal(refused))
        .isEqualTo(
            "Er is niets geïmporteerd: regel 6 geeft \"Misschien\" als standpunt op stelling"
                + " 80.2, maar de opties zijn Eens, Oneens, Weet niet.");
    assertThat(preview.messageKey()).isEqualTo("import.stance-option");
    assertThat(service.theses(80)).hasSize(2);
    assertThat(service.episodes().get(0).title()).isEqualTo("Radio");
    service.start(HOST, io.pollcast.domain.Place.CONSOLE, 80, Optional.empty());
    assertThat(stances(service, 1)).containsExactly(new HostStance(Optional.empty(), "Eens"));
  }

  private static ThesisResult thesis(PollService service, int number) {
    return service.results(80).theses().stream()
        .filter(t -> t.number() == number)
        .findFirst()
        .orElseThrow();
  }

  private static List<HostStance> stances(PollService service, int number) {
    return thesis(service, number).stances();
  }
}
