package io.pollcast.chart;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.poll.ChartImage;
import io.pollcast.poll.ChartMaker;
import io.pollcast.text.Messages;

/**
 * Draws an episode's results as a PNG that a listener can read alone, on the server: the episode
 * number and title, then per thesis its words (wrapped, never cut off) and a bar per option with
 * its percentage and count; for a debate the rounds before and after side by side, each option's
 * shift in points and the verdict; the hosts' stance. {@value #WIDTH} pixels wide and as high as
 * the theses need, so Discord, Slack and social media show it inline. Texts in the configured
 * language. Headless. Thread-safe: every call lays out its own chart.
 */
public final class ResultsChartRenderer implements ChartMaker {
  /** Width of the image in pixels. */
  public static final int WIDTH = ChartLayouter.WIDTH;

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
    return new ChartImage(ChartPainter.png(layout(results)));
  }

  /** Where every line and bar of the chart goes; refused for results without theses. */
  ChartLayout layout(EpisodeResults results) {
    if (results.theses().isEmpty()) {
      throw new IllegalArgumentException("episode " + results.episode() + " has no polls");
    }
    return new ChartLayouter(messages).layout(results);
  }
}
