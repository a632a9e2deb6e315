package io.pollcast.importer;

import io.pollcast.importer.ShowNotesSyntax.EpisodeNumberLine;
import java.util.List;

/**
 * The head of show notes: the episode number on the first non-blank line and the title, after it on
 * the same line or on the next non-blank one. A title that reads like a thesis or a setting is
 * refused, since then the host most likely left the title out.
 *
 * @param number the episode number
 * @param title the episode title
 * @param body the index of the first line after the head
 */
record ShowNotesHeader(int number, String title, int body) {

  /** Reads the head of {@code lines}; any problem is refused with its line. */
  static ShowNotesHeader read(List<SourceLine> lines, EpisodeRules rules)
      throws EpisodeFormatException {
    int first = SourceLines.nextNonBlank(lines, 0);
    if (first < 0) {
      throw rules.problem(0, "empty");
    }
    SourceLine numberLine = lines.get(first);
    EpisodeNumberLine header =
        ShowNotesSyntax.episodeNumber(numberLine.text())
            .orElseThrow(
                () ->
                    rules.problem(
                        numberLine.number(), "no-episode-number", numberLine.shortened()));
    int number = rules.episodeNumber(numberLine.number(), ShowNotesSyntax.digits(header.digits()));
    if (!header.title().isEmpty()) {
      return new ShowNotesHeader(
          number, rules.title(numberLine.number(), header.title()), first + 1);
    }
    int titleIndex = SourceLines.nextNonBlank(lines, first + 1);
    if (titleIndex < 0) {
      throw rules.problem(numberLine.number(), "no-title");
    }
    SourceLine titleLine = lines.get(titleIndex);
    refuseAsTitle(titleLine, rules);
    String title = rules.title(titleLine.number(), ShowNotesSyntax.plain(titleLine.text()));
    return new ShowNotesHeader(number, title, titleIndex + 1);
  }

  private static void refuseAsTitle(SourceLine line, EpisodeRules rules)
      throws EpisodeFormatException {
    if (ShowNotesSyntax.thesisHeading(line.text()).isPresent()
        || ShowNotesSyntax.label(line.text()).isPresent()) {
      throw rules.problem(line.number(), "thesis-as-title", line.shortened());
    }
  }
}
