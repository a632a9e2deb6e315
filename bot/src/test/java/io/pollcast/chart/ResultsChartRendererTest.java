package io.pollcast.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.config.Language;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Platform;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.ChartImage;
import io.pollcast.text.Messages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

final class ResultsChartRendererTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final ResultsChartRenderer renderer = new ResultsChartRenderer(new Messages(Language.NL));

  private static ThesisResult thesis(int number, int agree, int disagree, boolean open) {
    int total = agree + disagree;
    int percent = total == 0 ? 0 : Math.round(agree * 100f / total);
    return new ThesisResult(
        number,
        "Stelling " + number,
        open,
        List.of(
            new OptionResult("Eens", agree, percent),
            new OptionResult("Oneens", disagree, total == 0 ? 0 : 100 - percent)),
        Map.of(Platform.CONSOLE, List.of(agree, disagree)));
  }

  @Test
  void drawsAPngOfTheAdvertisedSize() throws Exception {
    EpisodeResults results =
        new EpisodeResults(
            68,
            "Personalisatie, profiling en privacy",
            List.of(thesis(1, 35, 22, false), thesis(2, 12, 28, false), thesis(3, 0, 0, false)));

    ChartImage chart = renderer.render(results);

    byte[] png = chart.png();
    assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(ResultsChartRenderer.WIDTH).isEqualTo(1080);
    assertThat(image.getHeight()).isEqualTo(ResultsChartRenderer.HEIGHT).isEqualTo(1080);
  }

  @Test
  void drawsManyThesesAndMoreOptions() throws Exception {
    List<ThesisResult> theses = new java.util.ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      theses.add(
          new ThesisResult(
              i,
              "Stelling " + i,
              i % 2 == 0,
              List.of(
                  new OptionResult("Eens", i, 40),
                  new OptionResult("Oneens", 2, 30),
                  new OptionResult("Weet niet", 1, 27),
                  new OptionResult("Geen mening", 1, 3)),
              Map.of()));
    }

    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                renderer.render(new EpisodeResults(69, "Lang", theses)).png()));

    assertThat(image.getWidth()).isEqualTo(1080);
  }

  @Test
  void refusesResultsWithoutTheses() {
    assertThatThrownBy(() -> renderer.render(new EpisodeResults(70, "Leeg", List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
