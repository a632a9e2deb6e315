package io.pollcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.ThesisDraft;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ShowNotesParserTest {
  private static final String EXAMPLE = "episode-068.txt";
  private static final String VARIATION_TEXT = "Podcasts zijn de nieuwe radio";
  private static final String VARIATION_CONTEXT =
      "Iedereen luistert onderweg, in de trein of tijdens het sporten.";

  private final ShowNotesParser parser = new ShowNotesParser();

  @Test
  void importsTheExampleWordForWord() throws EpisodeFormatException {
    // given
    String notes = Fixtures.text(EXAMPLE);

    // when
    EpisodeDraft episode = parser.parse(notes, EXAMPLE);

    // then
    assertThat(episode.number()).isEqualTo(68);
    assertThat(episode.title()).isEqualTo("Personalisatie, profiling en privacy");
    assertThat(episode.theses())
        .extracting(ThesisDraft::number, ThesisDraft::text)
        .containsExactly(
            tuple(1, "Bedrijven die niet aan personalisatie doen, missen de boot"),
            tuple(2, "Personalisatie gaat altijd ten koste van privacy"),
            tuple(
                3,
                "Over vijf jaar is geautomatiseerde personalisatie misschien niet meer haalbaar"));
    assertThat(episode.options()).isEmpty();
    assertThat(episode.closing()).isEmpty();
  }

  @Test
  @DisplayName("the context is the paragraph under a thesis, without the sections around it")
  void takesTheParagraphUnderEachThesisAsContext() throws EpisodeFormatException {
    // given
    String notes = Fixtures.text(EXAMPLE);
    List<String> paragraphs = notes.lines().toList();

    // when
    List<ThesisDraft> theses = parser.parse(notes, EXAMPLE).theses();

    // then
    assertThat(theses.get(0).context())
        .startsWith("De discussie draait om het idee")
        .isEqualTo(paragraphs.get(12));
    assertThat(theses.get(1).context()).isEqualTo(paragraphs.get(16));
    assertThat(theses.get(2).context())
        .isEqualTo(paragraphs.get(20))
        .doesNotContain("Conclusie")
        .doesNotContain("De podcast eindigt");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\r\n", "\r"})
  @DisplayName("Windows and old Mac line ends give the identical draft")
  void readsOtherLineEndsTheSame(String lineEnd) throws EpisodeFormatException {
    // given
    String notes = Fixtures.text(EXAMPLE);
    String converted = notes.replace("\n", lineEnd);

    // when
    EpisodeDraft episode = parser.parse(converted, EXAMPLE);

    // then
    assertThat(converted).isNotEqualTo(notes);
    assertThat(episode).isEqualTo(parser.parse(notes, EXAMPLE));
  }

  @Test
  void skipsAByteOrderMark() throws EpisodeFormatException {
    // given
    String notes = Fixtures.text(EXAMPLE);

    // when
    EpisodeDraft episode = parser.parse("\uFEFF" + notes, EXAMPLE);

    // then
    assertThat(episode).isEqualTo(parser.parse(notes, EXAMPLE));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "colon.txt, 1",
    "dash.txt, 2",
    "en-dash.txt, 2",
    "hash-number.txt, 3",
    "full-stop.txt, 3",
    "thesis-keyword.txt, 1",
    "statement-keyword.txt, 1",
    "upper-case.txt, 1",
    "lower-case.txt, 1",
    "bold-label.txt, 1",
    "bold-keyword.txt, 1",
    "bold-line.txt, 1",
    "markdown-heading.txt, 1",
    "list-item.txt, 1",
    "extra-blank-lines.txt, 1",
    "trailing-spaces.txt, 1",
    "non-breaking-spaces.txt, 1",
    "windows-line-ends.txt, 1",
    "old-mac-line-ends.txt, 1",
  })
  @DisplayName("accepts the ways a host writes a thesis heading")
  void acceptsHeadingVariations(String fixture, int number) throws EpisodeFormatException {
    // given
    String notes = Fixtures.text("variations/" + fixture);

    // when
    EpisodeDraft episode = parser.parse(notes, fixture);

    // then
    assertThat(episode.number()).isEqualTo(12);
    assertThat(episode.title()).isEqualTo("Audio");
    assertThat(episode.theses())
        .containsExactly(new ThesisDraft(number, VARIATION_TEXT, VARIATION_CONTEXT));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "number-plain.txt",
        "number-episode.txt",
        "number-hash.txt",
        "number-full-stop.txt",
        "number-markdown.txt",
        "number-with-title.txt"
      })
  @DisplayName("accepts the ways a host writes the episode number")
  void acceptsEpisodeNumberVariations(String fixture) throws EpisodeFormatException {
    // given
    String notes = Fixtures.text("variations/" + fixture);

    // when
    EpisodeDraft episode = parser.parse(notes, fixture);

    // then
    assertThat(episode.number()).isEqualTo(12);
    assertThat(episode.title()).isEqualTo("Audio");
    assertThat(episode.theses())
        .containsExactly(new ThesisDraft(1, VARIATION_TEXT, VARIATION_CONTEXT));
  }

  @Test
  @DisplayName("reads options, closing time, paragraphs and lists; keeps markdown and mentions")
  void readsSettingsAndNormalisesContext() throws EpisodeFormatException {
    // given
    String notes = Fixtures.text("variations/settings-and-paragraphs.txt");

    // when
    EpisodeDraft episode = parser.parse(notes, "settings-and-paragraphs.txt");

    // then
    assertThat(episode.options()).containsExactly("Eens", "Oneens", "Weet niet");
    assertThat(episode.closing()).contains(new ClosingTime.After(Duration.ofDays(3)));
    assertThat(episode.theses())
        .containsExactly(
            new ThesisDraft(
                1,
                "Luisteraars willen **geen** advertenties @everyone",
                "De eerste alinea loopt over twee regels, met een tab en dubbele spaties."
                    + "\n\nDe tweede alinea.\n\n- een punt\n- nog een punt"),
            new ThesisDraft(2, "Podcasts zijn de nieuwe radio", "Kort, zonder punt aan het eind"));
  }

  @Test
  void readsCommaSeparatedOptionsAndADateTime() throws EpisodeFormatException {
    // given
    String notes = Fixtures.text("variations/options-with-commas.txt");

    // when
    EpisodeDraft episode = parser.parse(notes, "options-with-commas.txt");

    // then
    assertThat(episode.options()).containsExactly("Agree", "Disagree");
    assertThat(episode.closing())
        .isEqualTo(Optional.of(new ClosingTime.At(LocalDateTime.of(2026, 12, 1, 20, 0))));
    assertThat(episode.theses()).extracting(ThesisDraft::context).containsExactly("");
  }

  @Test
  @DisplayName("links and list items stay in the context; a rule or short heading ends it")
  void endsContextAtRulesAndHeadingsOnly() throws EpisodeFormatException {
    // given
    String notes = Fixtures.text("variations/links-and-rules.txt");

    // when
    EpisodeDraft episode = parser.parse(notes, "links-and-rules.txt");

    // then
    assertThat(episode.theses())
        .extracting(ThesisDraft::context)
        .containsExactly(
            "Iedereen luistert onderweg.\n\nhttps://example.com/onderzoek\n\n- alleen een punt",
            "Kort.");
  }

  @Test
  @DisplayName("numbers may have gaps and need not start at 1")
  void allowsGapsInNumbering() throws EpisodeFormatException {
    // given
    String notes = Fixtures.text("variations/numbering-with-gaps.txt");

    // when
    EpisodeDraft episode = parser.parse(notes, "numbering-with-gaps.txt");

    // then
    assertThat(episode.theses()).extracting(ThesisDraft::number).containsExactly(2, 5);
  }

  @Test
  void acceptsAThesisOfExactlyTheMaximumLength() throws EpisodeFormatException {
    // given
    String text = "é".repeat(EpisodeRules.MAX_THESIS_LENGTH);

    // when
    EpisodeDraft episode = parser.parse("68\nTitel\n\nStelling 1: " + text, "long.txt");

    // then
    assertThat(episode.theses()).extracting(ThesisDraft::text).containsExactly(text);
  }
}
