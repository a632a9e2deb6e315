package io.pollcast.text;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Platform;
import io.pollcast.domain.ThesisResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An episode's tally as CSV, as {@code pollcast tally 68 --csv} prints it, for platform adapters
 * that attach it to a moderator's private tally reply. Counts only: one row per thesis, platform
 * ({@code all} for the total) and option; nothing about voters. Thread-safe.
 */
public final class ResultsCsv {
  /** The media type of the file. */
  public static final String MEDIA_TYPE = "text/csv";

  private ResultsCsv() {}

  /** A file name for the tally of an episode, e.g. {@code pollcast-68.csv}. */
  public static String fileName(int episode) {
    return "pollcast-" + episode + ".csv";
  }

  /** The CSV text, header first, lines ending in {@code \n}. */
  public static String of(EpisodeResults results) {
    StringBuilder csv = new StringBuilder("episode,thesis,platform,option,votes,percent\n");
    for (ThesisResult thesis : results.theses()) {
      for (OptionResult option : thesis.options()) {
        row(
            csv,
            results.episode(),
            thesis.number(),
            "all",
            option.label(),
            option.votes(),
            String.valueOf(option.percent()));
      }
      for (Map.Entry<Platform, List<Integer>> entry :
          new TreeMap<>(thesis.byPlatform()).entrySet()) {
        for (int i = 0; i < thesis.options().size(); i++) {
          row(
              csv,
              results.episode(),
              thesis.number(),
              entry.getKey().id(),
              thesis.options().get(i).label(),
              entry.getValue().get(i),
              "");
        }
      }
    }
    return csv.toString();
  }

  private static void row(
      StringBuilder csv,
      int episode,
      int thesis,
      String platform,
      String option,
      int votes,
      String percent) {
    csv.append(episode)
        .append(',')
        .append(thesis)
        .append(',')
        .append(platform)
        .append(',')
        .append(quote(option))
        .append(',')
        .append(votes)
        .append(',')
        .append(percent)
        .append('\n');
  }

  /** Quotes a CSV field, and defuses spreadsheet formulas. */
  private static String quote(String field) {
    String safe = field.matches("^[=+\\-@\t\r].*") ? "'" + field : field;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || !safe.equals(field)) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }
}
