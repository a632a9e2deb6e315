package io.pollcast.importer;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks the numbers of an episode's theses as they are read, in file order. Gaps and a first
 * number other than 1 are allowed (a host may drop a thesis that was not discussed and keep the
 * numbers listeners heard), but a number may appear only once and numbers must increase, because a
 * thesis listed out of order is almost always a typo.
 */
final class ThesisNumbering {
  static final int MAX_THESES = 25;

  private final EpisodeRules rules;
  private final Map<Integer, Integer> lineByNumber = new HashMap<>();
  private int lastNumber;
  private int lastLine;

  ThesisNumbering(EpisodeRules rules) {
    this.rules = rules;
  }

  void add(int number, int line) throws EpisodeFormatException {
    Integer first = lineByNumber.get(number);
    if (first != null) {
      throw rules.problem(
          line,
          first > 0 ? "thesis-twice" : "thesis-twice-entry",
          String.valueOf(number),
          String.valueOf(first));
    }
    if (number < lastNumber) {
      throw rules.problem(
          line,
          lastLine > 0 ? "thesis-order" : "thesis-order-entry",
          String.valueOf(number),
          String.valueOf(lastNumber),
          String.valueOf(lastLine));
    }
    if (lineByNumber.size() == MAX_THESES) {
      throw rules.problem(line, "too-many-theses", String.valueOf(MAX_THESES));
    }
    lineByNumber.put(number, line);
    lastNumber = number;
    lastLine = line;
  }
}
