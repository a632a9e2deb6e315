package io.pollcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.pollcast.config.Language;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.Notice;
import io.pollcast.domain.ThesisDraft;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The slips hosts make in real show notes (corpus under {@code episodes/slips}): each is read as
 * meant, refused with its line and what to write instead, or read with a warning.
 */
final class ShowNotesSlipsTest {
  private final EpisodeFileReader reader = new EpisodeFileReader();

  static Stream<Arguments> readAsMeant() {
    return Stream.of(
        Arguments.of(
            "decorated-headings.txt",
            List.of(
                "1 Iedereen moet kunnen meestemmen",
                "2 Een podcast zonder shownotes bestaat niet",
                "3 Luisteraars lezen geen shownotes",
                "4 Video verdringt audio",
                "5 Podcasts worden korter")),
        Arguments.of(
            "thesis-over-two-lines.txt",
            List.of(
                "1 Bedrijven die niet aan personalisatie doen, missen de boot",
                "2 Privacy gaat voor")),
        Arguments.of("motion.txt", List.of("1 This house would ban cars from city centres")),
        Arguments.of("be-it-resolved.txt", List.of("1 Podcasts should be free")),
        Arguments.of(
            "../variations/unnumbered-one-thesis.txt",
            List.of("1 Bedrijven die niet aan personalisatie doen, missen de boot")),
        Arguments.of(
            "../variations/text-under-heading.txt",
            List.of("1 Bedrijven die niet aan personalisatie doen, missen de boot")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readAsMeant")
  void readsEveryThesisAsMeant(String fixture, List<String> theses) throws Exception {
    // when
    EpisodeDraft draft = reader.read(Fixtures.bytes("slips/" + fixture), fixture);

    // then
    assertThat(draft.theses())
        .extracting(t -> t.number() + " " + t.text())
        .containsExactlyElementsOf(theses);
  }

  @Test
  @DisplayName("the context runs to the next thesis: paragraphs, a list, a line without full stop")
  void keepsTheWholeContext() throws Exception {
    // when
    EpisodeDraft draft =
        reader.read(Fixtures.bytes("slips/thesis-over-two-lines.txt"), "two-lines.txt");

    // then
    assertThat(draft.theses())
        .extracting(ThesisDraft::context)
        .containsExactly(
            """
            De eerste alinea van de toelichting loopt over twee regels.

            Wat vinden de hosts ervan

            - Milan: eens
            - Joël: oneens

            Een laatste alinea.""",
            "Kort.");
    assertThat(draft.warnings())
        .extracting(Notice::line, w -> w.text(Language.EN))
        .containsExactly(
            tuple(
                10,
                "\"Wat vinden de hosts ervan\" is kept in the context of thesis 1, with what follows"
                    + " up to the next thesis. If it is a section heading, write it as"
                    + " \"## Wat vinden de hosts ervan\" to end the context above it."));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "unreadable-heading.txt",
            6,
            "\"Stelling 2 van Milan: Personalisatie gaat altijd ten kost...\" looks like a thesis"
                + " heading but cannot be read; write it like \"Stelling 2: text\" or \"Thesis 2:"
                + " text\", with the number right after the word"),
        Arguments.of(
            "unnumbered-among-numbered.txt",
            6,
            "this thesis has no number; write it like \"Stelling 1: text\" (only an episode with"
                + " one thesis may leave the number out)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWhatItCannotReadNamingTheLine(String fixture, int line, String problem) {
    // when
    EpisodeFormatException error =
        catchThrowableOfType(
            EpisodeFormatException.class,
            () -> reader.read(Fixtures.bytes("slips/" + fixture), fixture));

    // then
    assertThat(error.line()).isEqualTo(line);
    assertThat(error.problem()).isEqualTo(problem);
  }

  static Stream<Arguments> warned() {
    return Stream.of(
        Arguments.of("numbering-gap.txt", 8, "thesis 4 follows thesis 2; there is no thesis 3"),
        Arguments.of("duplicate-texts.txt", 6, "thesis 2 has the same text as thesis 1 (line 4)"),
        Arguments.of(
            "long-thesis.txt",
            4,
            "thesis 1 is 405 characters long; Discord shows 256 of them in a poll's title, so"
                + " there it ends after \"Een podcast die elke week…\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warned")
  void importsWithAWarningNamingTheLine(String fixture, int line, String warning) throws Exception {
    // when
    EpisodeDraft draft = reader.read(Fixtures.bytes("slips/" + fixture), fixture);

    // then
    assertThat(draft.warnings())
        .extracting(Notice::line, w -> w.text(Language.EN))
        .containsExactly(tuple(line, warning));
  }

  @Test
  void saysErrorsAndWarningsInDutch() throws Exception {
    // given
    byte[] unreadable = Fixtures.bytes("slips/unreadable-heading.txt");

    // when
    EpisodeFormatException error =
        catchThrowableOfType(
            EpisodeFormatException.class, () -> reader.read(unreadable, "notes.txt"));
    EpisodeDraft gap = reader.read(Fixtures.bytes("slips/numbering-gap.txt"), "notes.txt");

    // then
    assertThat(error.message(Language.NL))
        .startsWith("notes.txt regel 6: \"Stelling 2 van Milan")
        .contains("lijkt een stelling maar is niet te lezen");
    assertThat(gap.warnings().get(0).text(Language.NL, "notes.txt"))
        .isEqualTo("notes.txt regel 8: stelling 4 volgt op stelling 2; er is geen stelling 3");
  }

  @Test
  void tellsTheLanguageOfTheNotesByTheirHeadings() throws Exception {
    assertThat(reader.read(Fixtures.bytes("slips/motion.txt"), "m.txt").language())
        .contains(Language.EN);
    assertThat(reader.read(Fixtures.bytes("slips/decorated-headings.txt"), "d.txt").language())
        .contains(Language.NL);
  }

  static Stream<Charset> utf16() {
    return Stream.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("utf16")
  @DisplayName("UTF-16 with or without a byte order mark is read like UTF-8")
  void readsUtf16(Charset charset) throws Exception {
    // given
    String notes = "68\nJoël en Milan\n\nStelling 1: Tekst\n";

    // when
    EpisodeDraft draft = reader.read(notes.getBytes(charset), "x.txt");

    // then
    assertThat(draft).isEqualTo(reader.read(notes.getBytes(StandardCharsets.UTF_8), "x.txt"));
    assertThat(draft.title()).isEqualTo("Joël en Milan");
    assertThat(draft.closing()).isEqualTo(Optional.empty());
  }
}
