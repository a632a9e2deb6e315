package io.pollcast.chart;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into lines that fit a width in a font, at spaces; a word wider than the width is
 * broken between characters (never between the halves of a surrogate pair). Nothing is cut off: the
 * lines hold every word of the text, in order. Stateless.
 */
final class TextWrap {
  private TextWrap() {}

  /** The lines of {@code text} no wider than {@code width} pixels in {@code metrics}' font. */
  static List<String> lines(String text, FontMetrics metrics, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (metrics.stringWidth(candidate) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (metrics.stringWidth(rest) > width) {
        int end = fitting(rest, metrics, width);
        lines.add(rest.substring(0, end));
        rest = rest.substring(end);
      }
      line.append(rest);
    }
    if (!line.isEmpty() || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** How many characters of {@code word} fit; at least one code point. */
  private static int fitting(String word, FontMetrics metrics, int width) {
    int end = word.offsetByCodePoints(0, 1);
    while (end < word.length()) {
      int next = word.offsetByCodePoints(end, 1);
      if (metrics.stringWidth(word.substring(0, next)) > width) {
        break;
      }
      end = next;
    }
    return end;
  }
}
