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
          line, "thesis " + number + " appears twice (first at " + lineName(first) + ")");
    }
    if (number < lastNumber) {
      throw rules.problem(
          line,
          "thesis "
              + number
              + " comes after thesis "
              + lastNumber
              + " ("
              + lineName(lastLine)
              + "); list the theses in increasing order");
    }
    if (lineByNumber.size() == MAX_THESES) {
      throw rules.problem(
          line, "too many theses; an episode may have at most " + MAX_THESES + " theses");
    }
    lineByNumber.put(number, line);
    lastNumber = number;
    lastLine = line;
  }

  private static String lineName(int line) {
    return line > 0 ? "line " + line : "an earlier entry";
  }
}
