package io.pollcast.feed;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the episode number in a feed item: the number of {@code <itunes:episode>} or {@code
 * <podcast:episode>}, else one the title names ("#68", "Aflevering 68", "Episode 68", "68. …").
 */
final class EpisodeNumbers {
  static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
  static final String PODCAST = "https://podcastindex.org/namespace/1.0";
  private static final int MAX = 999_999;

  private static final List<Pattern> TITLE =
      List.of(
          Pattern.compile("(?iu)\\b(?:aflevering|afl\\.?|episode|ep\\.?)\\s*#?\\s*(\\d{1,6})\\b"),
          Pattern.compile("#\\s*(\\d{1,6})\\b"),
          Pattern.compile("^\\s*(\\d{1,6})\\s*[.:\\-\\u2013\\u2014]"));

  private EpisodeNumbers() {}

  /** The number of an {@code itunes:episode} or {@code podcast:episode} value such as "68". */
  static Optional<Integer> ofTag(String value) {
    String digits = value.strip();
    if (digits.matches("\\d{1,6}")) {
      int number = Integer.parseInt(digits);
      return number >= 1 && number <= MAX ? Optional.of(number) : Optional.empty();
    }
    // podcast:episode may be a decimal such as "68.5": that is no episode we can number
    return Optional.empty();
  }

  /** The number a title names, if any. */
  static Optional<Integer> ofTitle(String title) {
    for (Pattern pattern : TITLE) {
      Matcher matcher = pattern.matcher(title);
      if (matcher.find()) {
        int number = Integer.parseInt(matcher.group(1));
        if (number >= 1) {
          return Optional.of(number);
        }
      }
    }
    return Optional.empty();
  }
}
