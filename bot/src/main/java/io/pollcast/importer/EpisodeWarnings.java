package io.pollcast.importer;

import io.pollcast.domain.Notice;
import io.pollcast.domain.ThesisDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a host should know about theses that are imported all the same: a gap in the numbering
 * (often a thesis whose heading was mistyped), a thesis longer than Discord shows in a poll's title
 * (and where it will be shortened), and two theses with the same text.
 */
final class EpisodeWarnings {
  /** Discord's limit for an embed title, where a poll shows its thesis. */
  static final int DISCORD_THESIS = 256;

  private static final int WORDS_BEFORE_CUT = 5;

  private EpisodeWarnings() {}

  /** The warnings for theses read in order, {@code lines} holding the line of each (0: none). */
  static List<Notice> of(List<ThesisDraft> theses, List<Integer> lines) {
    List<Notice> warnings = new ArrayList<>();
    Map<String, Integer> byText = new HashMap<>();
    int previous = 0;
    for (int i = 0; i < theses.size(); i++) {
      ThesisDraft thesis = theses.get(i);
      int line = lines.get(i);
      String number = String.valueOf(thesis.number());
      if (thesis.number() > previous + 1) {
        warnings.add(gap(line, previous, thesis.number()));
      }
      previous = thesis.number();
      int length = thesis.text().codePointCount(0, thesis.text().length());
      if (length > DISCORD_THESIS) {
        warnings.add(
            Notice.of(
                line,
                "notes.warning.too-long",
                number,
                String.valueOf(length),
                String.valueOf(DISCORD_THESIS),
                wordsBeforeCut(thesis.text())));
      }
      String key = ContextText.collapseSpaces(thesis.text()).toLowerCase(Locale.ROOT);
      Integer same = byText.putIfAbsent(key, i);
      if (same != null) {
        warnings.add(
            Notice.of(
                line,
                "notes.warning.duplicate",
                number,
                String.valueOf(theses.get(same).number()),
                String.valueOf(lines.get(same))));
      }
    }
    return warnings;
  }

  private static Notice gap(int line, int previous, int number) {
    String missing =
        number - previous == 2
            ? String.valueOf(previous + 1)
            : (previous + 1) + "\u2013" + (number - 1);
    return previous == 0
        ? Notice.of(line, "notes.warning.first-number", String.valueOf(number), missing)
        : Notice.of(
            line, "notes.warning.gap", String.valueOf(number), String.valueOf(previous), missing);
  }

  /** The last words Discord still shows of a text it cuts at {@link #DISCORD_THESIS}. */
  private static String wordsBeforeCut(String text) {
    int cut = text.offsetByCodePoints(0, DISCORD_THESIS - 1);
    int space = text.lastIndexOf(' ', cut);
    String head = text.substring(0, space > DISCORD_THESIS / 2 ? space : cut).strip();
    String[] words = head.split(" ");
    int from = Math.max(0, words.length - WORDS_BEFORE_CUT);
    return String.join(" ", List.of(words).subList(from, words.length));
  }
}
