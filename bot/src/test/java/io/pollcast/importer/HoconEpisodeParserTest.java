package io.pollcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.StanceDraft;
import io.pollcast.domain.ThesisDraft;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class HoconEpisodeParserTest {
  private static final String SOURCE = "episode.conf";

  private final HoconEpisodeParser parser = new HoconEpisodeParser();

  @Test
  @DisplayName("the HOCON example gives the same draft as the show notes it was written from")
  void readsTheExampleLikeTheShowNotes() throws EpisodeFormatException {
    // given
    String hocon = Fixtures.text("episode-068.conf");
    EpisodeDraft fromShowNotes =
        new ShowNotesParser().parse(Fixtures.text("episode-068.txt"), "episode-068.txt");

    // when
    EpisodeDraft episode = parser.parse(hocon, "episode-068.conf");

    // then
    assertThat(episode)
        .usingRecursiveComparison()
        .ignoringFields("language")
        .isEqualTo(fromShowNotes);
  }

  @Test
  void readsSettingsExplicitNumbersAndPlainStrings() throws EpisodeFormatException {
    // given
    String hocon =
        """
        number = 12
        title = Audio
        options = [Eens, Oneens, "Weet niet"]
        closes = 1d12h
        theses = [
          "Podcasts zijn de nieuwe radio"
          { number = 3, text = "Luisteraars willen **geen** advertenties @everyone" }
          { text = "Nog een", context = "Eerste alinea\\nloopt door.\\n\\nTweede alinea." }
        ]
        """;

    // when
    EpisodeDraft episode = parser.parse(hocon, SOURCE);

    // then
    assertThat(episode)
        .isEqualTo(
            new EpisodeDraft(
                12,
                "Audio",
                List.of(
                    new ThesisDraft(1, "Podcasts zijn de nieuwe radio", ""),
                    new ThesisDraft(3, "Luisteraars willen **geen** advertenties @everyone", ""),
                    new ThesisDraft(4, "Nog een", "Eerste alinea loopt door.\n\nTweede alinea.")),
                List.of("Eens", "Oneens", "Weet niet"),
                Optional.of(new ClosingTime.After(Duration.ofHours(36)))));
  }

  @Test
  void readsTheHostsStanceTogetherOrByName() throws EpisodeFormatException {
    String hocon =
        """
        number = 12
        title = Audio
        theses = [
          { text = "Podcasts zijn de nieuwe radio", stance = Oneens }
          { text = "Nog een"
            stance {
              Anna = Eens
              "Bert de Vries" = " oneens "
            } }
          { text = "Zonder" }
        ]
        """;

    EpisodeDraft episode = parser.parse(hocon, SOURCE);

    assertThat(episode.theses().get(0).stances())
        .containsExactly(new StanceDraft(Optional.empty(), "Oneens", 4));
    assertThat(episode.theses().get(1).stances())
        .containsExactly(
            new StanceDraft(Optional.of("Anna"), "Eens", 7),
            new StanceDraft(Optional.of("Bert de Vries"), "oneens", 8));
    assertThat(episode.theses().get(2).stances()).isEmpty();
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [
              { text = "Een stelling", stance {} }
            ]
            """,
            4,
            "the \"stance\" of thesis 1 names no host; write stance = Eens or stance { Anna = Eens }"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [
              { text = "Een stelling", stance = [Eens] }
            ]
            """,
            4,
            "the \"stance\" of thesis 1 must be text, not a list"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [
              { text = "Een stelling", stance { Anna = "" } }
            ]
            """,
            4,
            "the stance of Anna is empty"),
        Arguments.of(
            """
            number = 68
            title = "Personalisatie
            theses = []
            """,
            2,
            "Expecting a value but got wrong token: 'newline' (JSON does not allow unescaped"
                + " newline in quoted strings, use a backslash escape) (if you intended 'newline'"
                + " (JSON does not allow unescaped newline in quoted strings, use a backslash"
                + " escape) to be part of a key or string value, try enclosing the key or value"
                + " in double quotes)"),
        Arguments.of(
            """
            number = 68
            theses = [{ text = "Een stelling" }]
            """,
            0,
            "missing key \"title\" (the episode title)"),
        Arguments.of(
            """
            title = "Titel"
            theses = [{ text = "Een stelling" }]
            """,
            0,
            "missing key \"number\" (the episode number)"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            """,
            0,
            "missing key \"theses\" (the list of theses)"),
        Arguments.of(
            """
            number = achtenzestig
            title = "Titel"
            theses = [{ text = "Een stelling" }]
            """,
            1,
            "\"number\" must be a whole number, not string \"achtenzestig\""),
        Arguments.of(
            """
            number = 68
            title = [Titel]
            theses = [{ text = "Een stelling" }]
            """,
            2,
            "\"title\" must be text, not a list"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = { text = "Een stelling" }
            """,
            3,
            "\"theses\" must be a list like [ { text = \"...\" } ], not an object"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = []
            """,
            3,
            "\"theses\" is empty; add at least one,"
                + " like [ { text = \"...\", context = \"...\" } ]"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            sluit = 3d
            theses = [{ text = "Een stelling" }]
            """,
            3,
            "unknown key \"sluit\"; the keys are closes, debate, number, options, theses, title"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [
              { text = "Een stelling"
                contxt = "Uitleg" }
            ]
            """,
            5,
            "unknown key \"contxt\" in thesis 1; the keys are context, number, stance, text"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [
              { context = "Uitleg" }
            ]
            """,
            4,
            "thesis 1 has no \"text\""),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [
              { number = 2, text = "Een" }
              { number = 2, text = "Twee" }
            ]
            """,
            5,
            "thesis 2 appears twice (first at line 4)"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [
              { text = "   " }
            ]
            """,
            4,
            "thesis 1 has no text"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [
              { text = "Een \\u0007 stelling" }
            ]
            """,
            4,
            "thesis 1 contains the control character U+0007; remove it"
                + " (only tabs and line ends are allowed)"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            options = [Eens, eens]
            theses = [{ text = "Een stelling" }]
            """,
            3,
            "options \"Eens\" and \"eens\" are the same; options must differ (ignoring case)"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            closes = 0d
            theses = [{ text = "Een stelling" }]
            """,
            3,
            "closing time \"0d\" must be longer than zero"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            theses = [{ text = "Een stelling" }]
            include file("/etc/passwd")
            """,
            4,
            "include is not allowed in an episode file; put everything in this one file"),
        Arguments.of(
            """
            number = 68
            title = ${HOME}
            theses = [{ text = "Een stelling" }]
            """,
            2,
            "Could not resolve substitution to a value: ${HOME}"),
        Arguments.of(
            """
            number = 68
            title = "Titel"
            closes = 2026-12-01T20:00
            theses = [{ text = "Een stelling" }]
            """,
            3,
            "Expecting end of input or a comma, got ':' (if you intended ':' to be part of a key"
                + " or string value, try enclosing the key or value in double quotes)"));
  }

  @ParameterizedTest(name = "[{index}] {2}")
  @MethodSource("badFiles")
  void refusesBadHoconNamingTheLineOrKey(String hocon, int line, String problem) {
    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> parser.parse(hocon, SOURCE));

    // then
    String where = line > 0 ? SOURCE + " line " + line : SOURCE;
    assertThat(error).hasMessage(where + ": " + problem);
    assertThat(error.line()).isEqualTo(line);
  }
}
