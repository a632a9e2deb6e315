package io.pollcast.chart;

import io.pollcast.chart.ChartLayout.Bar;
import io.pollcast.chart.ChartLayout.Part;
import io.pollcast.chart.ChartLayout.Text;
import io.pollcast.domain.DebateResult;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.OptionShift;
import io.pollcast.domain.Round;
import io.pollcast.domain.ThesisResult;
import io.pollcast.text.DebateTexts;
import io.pollcast.text.MentionSafety;
import io.pollcast.text.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out an episode's results top to bottom: the title, then per thesis its number, its words
 * (wrapped, never cut), a bar per option with percentage and count and, for a debate, the rounds
 * before and after side by side with each option's shift in points, the verdict and the hosts'
 * stance. The page is {@link #WIDTH} wide and as high as its content. One instance per chart.
 */
final class ChartLayouter {
  /** The page width in pixels: wide enough for long theses, small enough to show inline. */
  static final int WIDTH = 1200;

  private static final int PAD = 48;
  private static final int GAP = 16;
  private static final int BAR_HEIGHT = 34;
  private static final int LABEL_COLUMN = 240;
  private static final String FONT = Font.SANS_SERIF;
  private static final Font TITLE = new Font(FONT, Font.BOLD, 44);
  private static final Font SUBTITLE = new Font(FONT, Font.PLAIN, 34);
  private static final Font HEADING = new Font(FONT, Font.BOLD, 24);
  private static final Font THESIS = new Font(FONT, Font.BOLD, 32);
  private static final Font BODY = new Font(FONT, Font.PLAIN, 26);
  private static final Font FIGURE = new Font(FONT, Font.BOLD, 26);
  private static final Color INK = new Color(0x1A1A1A);
  private static final Color MUTED = new Color(0x555555);
  private static final Color[] COLORS = {
    new Color(0x2E7D32), // green
    new Color(0xC62828), // red
    new Color(0x616161), // grey
    new Color(0x1565C0), // blue
    new Color(0xEF6C00), // orange
  };

  private final Messages messages;
  private final DebateTexts debates;
  private final Graphics2D measure;
  private final List<Text> texts = new ArrayList<>();
  private final List<Bar> bars = new ArrayList<>();
  private int y = PAD;

  ChartLayouter(Messages messages) {
    this.messages = messages;
    this.debates = new DebateTexts(messages);
    this.measure = ChartPainter.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
  }

  ChartLayout layout(EpisodeResults results) {
    try {
      String title = results.closed() ? "chart.title" : "chart.tally-title";
      write(messages.get(title, String.valueOf(results.episode())), TITLE, INK, Part.TITLE);
      write(results.title(), SUBTITLE, INK, Part.TITLE);
      debates.movedMost(results).map(ChartLayouter::plain).ifPresent(this::note);
      for (ThesisResult thesis : results.theses()) {
        y += 2 * GAP;
        thesis(results.episode(), thesis);
      }
      return new ChartLayout(WIDTH, y + PAD, texts, bars);
    } finally {
      measure.dispose();
    }
  }

  private void thesis(int episode, ThesisResult thesis) {
    String heading = messages.get("chart.thesis", episode + "." + thesis.number());
    if (thesis.debate().isEmpty()) {
      heading += " · " + messages.get("results.voters", thesis.voters());
    }
    if (thesis.open()) {
      heading += " " + messages.get("results.open");
    }
    write(heading, HEADING, MUTED, Part.HEADING);
    y += GAP / 2;
    write(thesis.text(), THESIS, INK, Part.THESIS);
    y += GAP;
    if (thesis.debate().isPresent()) {
      debate(thesis.debate().get());
    } else {
      single(thesis.options(), thesis.voters() == 0);
    }
    debates.stances(thesis).map(ChartLayouter::plain).ifPresent(this::note);
  }

  private void single(List<OptionResult> options, boolean noVotes) {
    int figures = figureWidth();
    int barX = PAD + LABEL_COLUMN + GAP;
    int barWidth = WIDTH - PAD - figures - GAP - barX;
    for (int i = 0; i < options.size(); i++) {
      OptionResult option = options.get(i);
      int top = y;
      int labelBottom = label(option.label(), top);
      bar(barX, top, barWidth, option.percent(), color(i));
      figure(figure(option), barX + barWidth + GAP, top, figures);
      y = Math.max(labelBottom, top + BAR_HEIGHT) + GAP / 2;
    }
    if (noVotes) {
      note(messages.get("results.none"));
    }
  }

  private void debate(DebateResult debate) {
    if (debate.round() == Round.BEFORE) {
      roundHeading(
          messages.get("chart.before", debate.before().voters()), PAD + LABEL_COLUMN + GAP);
      single(debate.before().options(), debate.before().voters() == 0);
      note(messages.get("results.after-not-open"));
      return;
    }
    int figures = figureWidth();
    String pointsHeading = messages.get("chart.points");
    int points =
        Math.max(
            measure.getFontMetrics(FIGURE).stringWidth("+100"),
            measure.getFontMetrics(HEADING).stringWidth(pointsHeading));
    int beforeX = PAD + LABEL_COLUMN + GAP;
    int column = (WIDTH - PAD - points - GAP - beforeX) / 2;
    int barWidth = column - figures - 2 * GAP;
    int afterX = beforeX + column;
    int pointsX = afterX + column;
    int top = y;
    roundHeading(messages.get("chart.before", debate.before().voters()), beforeX, column - GAP);
    int beforeBottom = y;
    y = top;
    roundHeading(messages.get("chart.after", debate.after().voters()), afterX, column - GAP);
    int afterBottom = y;
    y = top;
    roundHeading(pointsHeading, pointsX, points);
    y = Math.max(y, Math.max(beforeBottom, afterBottom));
    List<OptionResult> before = debate.before().options();
    List<OptionResult> after = debate.after().options();
    for (int i = 0; i < before.size(); i++) {
      int row = y;
      int labelBottom = label(before.get(i).label(), row);
      bar(beforeX, row, barWidth, before.get(i).percent(), color(i));
      figure(figure(before.get(i)), beforeX + barWidth + GAP, row, figures);
      if (i < after.size()) {
        bar(afterX, row, barWidth, after.get(i).percent(), color(i));
        figure(figure(after.get(i)), afterX + barWidth + GAP, row, figures);
      }
      figure(points(debate.shift().options(), before.get(i).label()), pointsX, row, points);
      y = Math.max(labelBottom, row + BAR_HEIGHT) + GAP / 2;
    }
    note(plain(debates.shift(debate.shift())));
  }

  private void roundHeading(String text, int x) {
    roundHeading(text, x, WIDTH - PAD - x);
  }

  private void roundHeading(String text, int x, int width) {
    FontMetrics metrics = measure.getFontMetrics(HEADING);
    for (String line : TextWrap.lines(text, metrics, width)) {
      y += metrics.getAscent();
      texts.add(new Text(line, HEADING, MUTED, x, y, width, Part.ROUND));
      y += metrics.getDescent() + metrics.getLeading();
    }
    y += GAP / 2;
  }

  /** The option's label in the left column from {@code top}; returns where it ends. */
  private int label(String label, int top) {
    FontMetrics metrics = measure.getFontMetrics(BODY);
    int line = top + (BAR_HEIGHT - metrics.getHeight()) / 2;
    for (String part : TextWrap.lines(label, metrics, LABEL_COLUMN)) {
      texts.add(
          new Text(part, BODY, INK, PAD, line + metrics.getAscent(), LABEL_COLUMN, Part.OPTION));
      line += metrics.getHeight();
    }
    return line;
  }

  private void bar(int x, int top, int width, int percent, Color color) {
    bars.add(new Bar(x, top, width, BAR_HEIGHT, Math.round(width * percent / 100f), color));
  }

  private void figure(String text, int x, int top, int width) {
    FontMetrics metrics = measure.getFontMetrics(FIGURE);
    int baseline = top + (BAR_HEIGHT - metrics.getHeight()) / 2 + metrics.getAscent();
    texts.add(new Text(text, FIGURE, INK, x, baseline, width, Part.FIGURE));
  }

  /** A sentence under the bars, wrapped to the page. */
  private void note(String text) {
    y += GAP / 2;
    write(text, BODY, INK, Part.NOTE);
  }

  private void write(String text, Font font, Color color, Part part) {
    FontMetrics metrics = measure.getFontMetrics(font);
    int width = WIDTH - 2 * PAD;
    for (String line : TextWrap.lines(text, metrics, width)) {
      y += metrics.getAscent();
      texts.add(new Text(line, font, color, PAD, y, width, part));
      y += metrics.getDescent() + metrics.getLeading();
    }
  }

  /** Room for the widest figure, "100% (99999)". */
  private int figureWidth() {
    return measure.getFontMetrics(FIGURE).stringWidth("100% (99999)");
  }

  private static String figure(OptionResult option) {
    return option.percent() + "% (" + option.votes() + ")";
  }

  private static String points(List<OptionShift> shifts, String label) {
    int points =
        shifts.stream()
            .filter(s -> s.label().equals(label))
            .mapToInt(OptionShift::points)
            .findFirst()
            .orElse(0);
    return points > 0 ? "+" + points : String.valueOf(points);
  }

  private static Color color(int option) {
    return COLORS[option % COLORS.length];
  }

  /** A sentence made for a chat, for a picture: no mention can ping from an image. */
  private static String plain(String text) {
    return text.replace(MentionSafety.ZERO_WIDTH_SPACE, "");
  }
}
