package io.pollcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.config.Language;
import org.junit.jupiter.api.Test;

/** Show notes and HOCON files that ask for a debate: votes before and after listening. */
final class DebateNotesTest {
  private static final String NOTES = "70\n\nDebat\n\n%s\n\nStelling 1: Radio is dood\n";

  @Test
  void showNotesAskForADebateInEitherLanguage() throws EpisodeFormatException {
    ShowNotesParser parser = new ShowNotesParser();

    assertThat(parser.parse(NOTES.formatted("Stemming: voor en na"), "n.txt").debate()).isTrue();
    assertThat(parser.parse(NOTES.formatted("**Voting:** Before and after"), "n.txt").debate())
        .isTrue();
    assertThat(parser.parse(NOTES.formatted("Sluit: 3d"), "n.txt").debate()).isFalse();
  }

  @Test
  void anotherWayOfVotingIsRefusedWithItsLine() {
    assertThatThrownBy(
            () -> new ShowNotesParser().parse(NOTES.formatted("Stemming: twee keer"), "n.txt"))
        .isInstanceOfSatisfying(
            EpisodeFormatException.class,
            e ->
                assertThat(e.message(Language.NL))
                    .contains("regel 5")
                    .contains("\"twee keer\" is geen stemwijze"));
  }

  @Test
  void hoconSaysDebateTrue() throws EpisodeFormatException {
    HoconEpisodeParser parser = new HoconEpisodeParser();
    String hocon = "number = 70\ntitle = Debat\ndebate = %s\ntheses = [\"Radio is dood\"]\n";

    assertThat(parser.parse(hocon.formatted("true"), "e.conf").debate()).isTrue();
    assertThat(parser.parse(hocon.formatted("false"), "e.conf").debate()).isFalse();
    assertThatThrownBy(() -> parser.parse(hocon.formatted("ja"), "e.conf"))
        .isInstanceOf(EpisodeFormatException.class);
  }
}
