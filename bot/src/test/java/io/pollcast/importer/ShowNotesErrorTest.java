package io.pollcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class ShowNotesErrorTest {
  private final ShowNotesParser parser = new ShowNotesParser();

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(
            "no-number.txt",
            2,
            "the first line must be the episode number, like \"68\" or \"Aflevering 68\","
                + " not \"Personalisatie, profiling en privacy\""),
        Arguments.of(
            "no-title.txt", 1, "the episode number must be followed by a line with the title"),
        Arguments.of(
            "thesis-as-title.txt",
            3,
            "expected the episode title on the line after the episode number, not \"Stelling 1:"
                + " Bedrijven die niet aan personalisatie doen, m...\""),
        Arguments.of(
            "no-theses.txt",
            0,
            "no theses found; write each thesis on a line of its own, like \"Stelling 1:"
                + " Bedrijven die niet aan personalisatie doen, missen de boot\""),
        Arguments.of("duplicate-number.txt", 12, "thesis 2 appears twice (first at line 9)"),
        Arguments.of(
            "empty-text.txt",
            6,
            "thesis 2 has no text; write it on the same line, like \"Stelling 2: text\""),
        Arguments.of(
            "out-of-order.txt",
            6,
            "thesis 1 comes after thesis 2 (line 4); list the theses in increasing order"),
        Arguments.of("thesis-zero.txt", 4, "a thesis number must be between 1 and 999"),
        Arguments.of(
            "control-character.txt",
            4,
            "contains the control character U+0007 at column 35; remove it"
                + " (only tabs and line ends are allowed)"),
        Arguments.of(
            "one-option.txt",
            3,
            "give between 2 and 5 options, not 1, like \"Opties: Eens / Oneens / Weet niet\""),
        Arguments.of(
            "six-options.txt",
            3,
            "give between 2 and 5 options, not 6, like \"Opties: Eens / Oneens / Weet niet\""),
        Arguments.of(
            "same-options.txt",
            6,
            "options \"Eens\" and \"EENS\" are the same; options must differ (ignoring case)"),
        Arguments.of("empty-option.txt", 3, "option 2 is empty"),
        Arguments.of(
            "long-option.txt",
            3,
            "option \"Helemaal oneens, en dat zeg ik met klem en overtuiging\" is longer than 40"
                + " characters; keep options short"),
        Arguments.of("options-twice.txt", 7, "options are given twice (first at line 3)"),
        Arguments.of(
            "bad-closing-time.txt",
            3,
            "closing time \"morgen\" is neither a duration such as 3d, 12h or 90m"
                + " nor a date-time such as 2026-12-01T20:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void refusesBadShowNotesNamingTheLine(String fixture, int line, String problem) {
    // given
    String notes = Fixtures.text("errors/" + fixture);

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> parser.parse(notes, fixture));

    // then
    String where = line > 0 ? fixture + " line " + line : fixture;
    assertThat(error).hasMessage(where + ": " + problem);
    assertThat(error.line()).isEqualTo(line);
    assertThat(error.source()).isEqualTo(fixture);
    assertThat(error.problem()).isEqualTo(problem);
  }

  @Test
  void refusesAThesisOverTheLengthLimit() {
    // given
    String notes = "68\nTitel\n\nStelling 1: " + "a".repeat(1001);

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> parser.parse(notes, "x.txt"));

    // then
    assertThat(error)
        .hasMessage("x.txt line 4: thesis 1 is 1001 characters long; the limit is 1000 characters");
  }

  @Test
  void refusesMoreThanTwentyFiveTheses() {
    // given
    String notes =
        IntStream.rangeClosed(1, 26)
            .mapToObj(n -> "Stelling " + n + ": Stelling nummer " + n)
            .collect(Collectors.joining("\n", "68\nTitel\n", "\n"));

    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> parser.parse(notes, "x.txt"));

    // then
    assertThat(error)
        .hasMessage("x.txt line 28: too many theses; an episode may have at most 25 theses");
  }

  @Test
  void refusesAnEmptyText() {
    // when
    EpisodeFormatException error =
        catchThrowableOfType(EpisodeFormatException.class, () -> parser.parse(" \n\n", "x.txt"));

    // then
    assertThat(error)
        .hasMessage(
            "x.txt: is empty; the first line must be the episode number,"
                + " like \"68\" or \"Aflevering 68\"");
  }
}
