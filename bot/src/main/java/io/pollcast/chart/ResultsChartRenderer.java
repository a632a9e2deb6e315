package io.pollcast.chart;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.ChartImage;
import io.pollcast.poll.ChartMaker;
import io.pollcast.text.Messages;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Draws an episode's results as a PNG with XChart, on the server: one bar per thesis, split between
 * the options (stacked, in percent), each part labelled with its percentage and count (with many
 * theses, the bars are narrow: percentage only); the axis names each thesis with its number of
 * votes. Square and with large type, to read on a phone. Headless. Thread-safe: every call builds
 * its own chart.
 */
public final class ResultsChartRenderer implements ChartMaker {
  /** Width of the image in pixels. */
  public static final int WIDTH = 1080;

  /** Height of the image in pixels. */
  public static final int HEIGHT = 1080;

  /** Parts smaller than this many percent are left unlabelled: the label would not fit. */
  private static final int MIN_LABELLED_PERCENT = 6;

  /** Offset per part that makes each part's value unique; far below a pixel. */
  private static final double TAG = 1e-6;

  private static final int MANY_THESES = 6;
  private static final String FONT = Font.SANS_SERIF;
  private static final Color[] COLORS = {
    new Color(0x2E7D32), // green
    new Color(0xC62828), // red
    new Color(0x616161), // grey
    new Color(0x1565C0), // blue
    new Color(0xEF6C00), // orange
  };

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final Messages messages;

  public ResultsChartRenderer(Messages messages) {
    this.messages = messages;
  }

  @Override
  public ChartImage render(EpisodeResults results) {
    if (results.theses().isEmpty()) {
      throw new IllegalArgumentException("episode " + results.episode() + " has no polls");
    }
    CategoryChart chart = chart(results);
    try {
      return new ChartImage(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CategoryChart chart(EpisodeResults results) {
    String title =
        messages.get(
            results.closed() ? "chart.title" : "chart.tally-title",
            String.valueOf(results.episode()));
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(messages.get("chart.x-axis"))
            .build();
    style(chart.getStyler(), results.theses().size());
    List<String> categories = new ArrayList<>();
    for (ThesisResult thesis : results.theses()) {
      categories.add(thesis.number() + " (" + thesis.voters() + ")");
    }
    // XChart labels a part of a bar from its value alone. To say both percentage and count, each
    // part's value is its percentage plus a unique, invisible offset, by which its label is found.
    Map<Double, String> labels = new HashMap<>();
    int tag = 0;
    for (String option : options(results)) {
      List<Double> values = new ArrayList<>();
      for (ThesisResult thesis : results.theses()) {
        OptionResult result = find(thesis, option);
        double value = result.percent() + ++tag * TAG;
        values.add(value);
        labels.put(value, label(result, results.theses().size() <= MANY_THESES));
      }
      chart.addSeries(option, categories, values);
    }
    chart.setCustomYAxisTickLabelsFormatter(
        value -> labels.getOrDefault(value, String.format(Locale.ROOT, "%.0f%%", value)));
    return chart;
  }

  private static void style(CategoryStyler styler, int theses) {
    styler.setStacked(true);
    styler.setYAxisMin(0.0);
    styler.setYAxisMax(100.0);
    styler.setAvailableSpaceFill(0.7);
    styler.setYAxisTickMarkSpacingHint(120);
    styler.setSeriesColors(COLORS);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(false);
    styler.setChartPadding(24);
    styler.setChartTitleFont(new Font(FONT, Font.BOLD, 44));
    styler.setAxisTitleFont(new Font(FONT, Font.PLAIN, 30));
    styler.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 28));
    styler.setYAxisTitleVisible(false);
    styler.setLegendFont(new Font(FONT, Font.PLAIN, 32));
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLabelsVisible(true);
    styler.setLabelsPosition(0.5);
    styler.setLabelsFont(new Font(FONT, Font.BOLD, theses > MANY_THESES ? 20 : 30));
    styler.setLabelsFontColorAutomaticEnabled(true);
    if (theses > MANY_THESES) {
      styler.setXAxisLabelRotation(45);
    }
  }

  /** Every option label, in the order the theses offer them. */
  private static Set<String> options(EpisodeResults results) {
    Set<String> options = new LinkedHashSet<>();
    for (ThesisResult thesis : results.theses()) {
      thesis.options().forEach(o -> options.add(o.label()));
    }
    return options;
  }

  private static OptionResult find(ThesisResult thesis, String option) {
    return thesis.options().stream()
        .filter(o -> o.label().equals(option))
        .findFirst()
        .orElse(new OptionResult(option, 0, 0));
  }

  /**
   * "62% (35)", or just "62%" when the bars are too narrow for more; a blank for parts too small to
   * hold it (XChart cannot draw an empty label).
   */
  private static String label(OptionResult option, boolean withCount) {
    if (option.percent() < MIN_LABELLED_PERCENT) {
      return " ";
    }
    return withCount ? option.percent() + "% (" + option.votes() + ")" : option.percent() + "%";
  }
}
