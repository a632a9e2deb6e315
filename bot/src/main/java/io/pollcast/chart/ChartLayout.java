package io.pollcast.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

/**
 * Where everything of a results chart goes: the text lines and the bars, in pixels, on a white page
 * of {@code width} by {@code height}. The renderer paints it as laid out, so tests can read what a
 * chart says and check that every line fits.
 *
 * @param width the page width
 * @param height the page height
 * @param texts every line of text, in reading order
 * @param bars every bar
 */
record ChartLayout(int width, int height, List<Text> texts, List<Bar> bars) {
  ChartLayout {
    texts = List.copyOf(texts);
    bars = List.copyOf(bars);
  }

  /** What a line of text is part of. */
  enum Part {
    /** The chart's title: the episode number and title. */
    TITLE,
    /** A thesis's number and, outside a debate, its votes. */
    HEADING,
    /** The words of a thesis. */
    THESIS,
    /** An option's label. */
    OPTION,
    /** A round's name and votes, above its bars. */
    ROUND,
    /** A count with its percentage, or the shift of an option in points. */
    FIGURE,
    /** A sentence under the bars: the shift and verdict, the hosts' stance, no votes yet. */
    NOTE
  }

  /**
   * One line of text.
   *
   * @param text the words
   * @param font the font it is drawn in
   * @param color its colour
   * @param x the left edge
   * @param baseline the baseline
   * @param maxWidth the width it must fit in
   * @param part what it is part of
   */
  record Text(String text, Font font, Color color, int x, int baseline, int maxWidth, Part part) {}

  /**
   * One bar: a light track of the full width, filled from the left to the share.
   *
   * @param x left edge
   * @param y top edge
   * @param width the track's width (100%)
   * @param height its height
   * @param filled the filled width
   * @param color the fill colour
   */
  record Bar(int x, int y, int width, int height, int filled, Color color) {}
}
