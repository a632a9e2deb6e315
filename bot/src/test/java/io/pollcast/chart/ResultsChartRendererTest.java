package io.pollcast.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.config.Language;
import io.pollcast.domain.DebateResult;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.HostStance;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.OptionShift;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Round;
import io.pollcast.domain.RoundTally;
import io.pollcast.domain.Shift;
import io.pollcast.domain.ThesisResult;
import io.pollcast.text.Messages;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

final class ResultsChartRendererTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final Path SAMPLES = Path.of("target", "charts");
  private static final String TITLE = "Personalisatie, profiling en privacy";
  private static final String LONG =
      "Bedrijven die niet aan personalisatie doen, missen de boot, want klanten verwachten"
          + " tegenwoordig dat een webwinkel, een streamingdienst en zelfs de gemeente weten wie"
          + " ze zijn, wat ze eerder deden en wat ze morgen nodig hebben, en wie dat weigert uit"
          + " angst voor de toezichthouder verliest ze aan wie het wel durft:"
          + " privacyvriendelijkepersonalisatieisgeencontradictioninterminismaarvakmanschap.";

  private static final Graphics2D MEASURE =
      ChartPainter.graphics(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));

  private final ResultsChartRenderer renderer = new ResultsChartRenderer(new Messages(Language.NL));

  @AfterAll
  static void dispose() {
    MEASURE.dispose();
  }

  @Test
  void showsEveryThesisInFullWithItsCountsAndFitsEveryLine() throws Exception {
    EpisodeResults results =
        new EpisodeResults(
            68,
            TITLE,
            List.of(
                thesis(1, LONG, 35, 22),
                thesis(2, "Personalisatie gaat altijd ten koste van privacy", 12, 28),
                thesis(
                    3,
                    "Over vijf jaar is geautomatiseerde personalisatie misschien niet meer"
                        + " haalbaar",
                    7,
                    7)));

    ChartLayout layout = renderer.layout(results);
    BufferedImage image = decode(renderer.render(results).png(), "episode-68.png");

    assertThat(image.getWidth()).isEqualTo(ResultsChartRenderer.WIDTH).isLessThanOrEqualTo(2000);
    assertThat(image.getHeight()).isEqualTo(layout.height()).isBetween(800, 2500);
    assertFits(layout);
    assertThat(lines(layout, ChartLayout.Part.TITLE))
        .containsExactly("Uitslag aflevering 68", TITLE);
    assertThat(thesisLines(layout)).hasSizeGreaterThan(4);
    assertThat(String.join("", thesisLines(layout)).replace(" ", ""))
        .as("every word, in order; the long word broken where it must")
        .isEqualTo(
            String.join("", results.theses().stream().map(ThesisResult::text).toList())
                .replace(" ", ""));
    assertThat(lines(layout, ChartLayout.Part.HEADING))
        .containsExactly(
            "Stelling 68.1 · 57 stem(men)",
            "Stelling 68.2 · 40 stem(men)",
            "Stelling 68.3 · 14 stem(men)");
    assertThat(lines(layout, ChartLayout.Part.FIGURE))
        .containsExactly("61% (35)", "39% (22)", "30% (12)", "70% (28)", "50% (7)", "50% (7)");
    assertThat(layout.bars()).hasSize(6);
    assertThat(layout.bars().get(0).filled())
        .isEqualTo(Math.round(layout.bars().get(0).width() * 0.61f));
  }

  @Test
  void showsADebateBeforeAndAfterSideBySideWithTheShiftAndTheHosts() throws Exception {
    ThesisResult moved =
        debate(
            1,
            new RoundTally(List.of(option("Eens", 20, 40), option("Oneens", 30, 60))),
            new RoundTally(List.of(option("Eens", 31, 52), option("Oneens", 29, 48))),
            new Shift(40, List.of(new OptionShift("Eens", 12), new OptionShift("Oneens", -12))),
            List.of(new HostStance(Optional.of("Anna"), "Oneens")));
    ThesisResult even =
        debate(
            2,
            new RoundTally(List.of(option("Eens", 10, 50), option("Oneens", 10, 50))),
            new RoundTally(List.of(option("Eens", 11, 52), option("Oneens", 10, 48))),
            new Shift(18, List.of(new OptionShift("Eens", 3), new OptionShift("Oneens", -3))),
            List.of());
    EpisodeResults results = new EpisodeResults(68, TITLE, List.of(moved, even));

    ChartLayout layout = renderer.layout(results);
    decode(renderer.render(results).png(), "episode-68-debate.png");

    assertFits(layout);
    assertThat(String.join(" ", lines(layout, ChartLayout.Part.ROUND)))
        .startsWith("Voor het luisteren: 50 stem(men) Na het luisteren: 60 stem(men) Punten");
    assertThat(lines(layout, ChartLayout.Part.FIGURE))
        .startsWith("40% (20)", "52% (31)", "+12", "60% (30)", "48% (29)", "-12");
    String notes = String.join(" ", lines(layout, ChartLayout.Part.NOTE));
    assertThat(notes)
        .startsWith("Meest van mening veranderd: stelling 68.1 (Eens +12 punten).")
        .contains("de 40 leden die in beide rondes stemden")
        .contains("Eens overtuigde de meesten (+12 punten).")
        .contains("De hosts: Anna Oneens; de luisteraars: 52% Eens.")
        .contains("Gelijkspel: geen optie won 5 punten of meer.");
    assertThat(layout.bars()).hasSize(8);
    ChartLayout.Bar before = layout.bars().get(0);
    ChartLayout.Bar after = layout.bars().get(1);
    assertThat(after.y()).as("side by side").isEqualTo(before.y());
    assertThat(after.x()).isGreaterThan(before.x() + before.width());
  }

  @Test
  void showsADebateWhoseRoundAfterIsNotOpenYetAndAThesisWithoutVotes() throws Exception {
    ThesisResult running =
        debate(
            1,
            new RoundTally(List.of(option("Eens", 0, 0), option("Oneens", 0, 0))),
            new RoundTally(List.of(option("Eens", 0, 0), option("Oneens", 0, 0))),
            new Shift(0, List.of()),
            List.of(new HostStance(Optional.empty(), "Eens")),
            Round.BEFORE,
            true);

    ChartLayout layout = renderer.layout(new EpisodeResults(70, "Leeg", List.of(running)));

    assertThat(lines(layout, ChartLayout.Part.TITLE))
        .containsExactly("Tussenstand aflevering 70", "Leeg");
    assertThat(lines(layout, ChartLayout.Part.NOTE))
        .containsExactly(
            "Er is nog niet gestemd.",
            "De ronde na is nog niet open.",
            "De hosts: Eens; de luisteraars hebben nog niet gestemd.");
    assertThat(layout.bars()).allSatisfy(bar -> assertThat(bar.filled()).isZero());
    decode(
        renderer.render(new EpisodeResults(70, "Leeg", List.of(running))).png(),
        "episode-70-no-votes.png");
  }

  @Test
  void staysReadableAndSmallWithManyThesesAndOptionsInEnglish() throws Exception {
    List<ThesisResult> theses = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      theses.add(
          new ThesisResult(
              i,
              LONG,
              i % 2 == 0,
              List.of(
                  option("Agree", i, 40),
                  option("Disagree", 2, 30),
                  option("Don't know, and an option label that needs two lines", 1, 27),
                  option("No opinion", 1, 3)),
              Map.of()));
    }
    ResultsChartRenderer english = new ResultsChartRenderer(new Messages(Language.EN));
    EpisodeResults results = new EpisodeResults(69, "Long", theses);

    ChartLayout layout = english.layout(results);
    byte[] png = english.render(results).png();
    decode(png, "episode-69-many.png");

    assertFits(layout);
    assertThat(lines(layout, ChartLayout.Part.TITLE))
        .containsExactly("Tally of episode 69", "Long");
    assertThat(layout.bars()).hasSize(48);
    assertThat(layout.height()).isLessThan(12_000);
    assertThat(png.length).isLessThan(2_000_000);
  }

  @Test
  void refusesResultsWithoutTheses() {
    assertThatThrownBy(() -> renderer.render(new EpisodeResults(70, "Leeg", List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Every line within its width in the font it is drawn in, and on the page. */
  private static void assertFits(ChartLayout layout) {
    assertThat(layout.texts())
        .allSatisfy(
            text -> {
              int width = MEASURE.getFontMetrics(text.font()).stringWidth(text.text());
              assertThat(width).as(text.text()).isLessThanOrEqualTo(text.maxWidth());
              assertThat(text.x() + width).as(text.text()).isLessThanOrEqualTo(layout.width());
              assertThat(text.baseline()).isLessThan(layout.height());
            });
  }

  private static List<String> lines(ChartLayout layout, ChartLayout.Part part) {
    return layout.texts().stream()
        .filter(t -> t.part() == part)
        .map(ChartLayout.Text::text)
        .toList();
  }

  private static List<String> thesisLines(ChartLayout layout) {
    return lines(layout, ChartLayout.Part.THESIS);
  }

  private static BufferedImage decode(byte[] png, String sample) throws Exception {
    assertThat(Arrays.copyOf(png, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
    Files.createDirectories(SAMPLES);
    Files.write(SAMPLES.resolve(sample), png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    return image;
  }

  private static OptionResult option(String label, int votes, int percent) {
    return new OptionResult(label, votes, percent);
  }

  private static ThesisResult thesis(int number, String text, int agree, int disagree) {
    int total = agree + disagree;
    int percent = total == 0 ? 0 : Math.round(agree * 100f / total);
    return new ThesisResult(
        number,
        text,
        false,
        List.of(
            option("Eens", agree, percent),
            option("Oneens", disagree, total == 0 ? 0 : 100 - percent)),
        Map.of(Platform.CONSOLE, List.of(agree, disagree)));
  }

  private static ThesisResult debate(
      int number, RoundTally before, RoundTally after, Shift shift, List<HostStance> stances) {
    return debate(number, before, after, shift, stances, Round.AFTER, false);
  }

  private static ThesisResult debate(
      int number,
      RoundTally before,
      RoundTally after,
      Shift shift,
      List<HostStance> stances,
      Round round,
      boolean open) {
    RoundTally now = round == Round.AFTER ? after : before;
    return new ThesisResult(
        number,
        "Stelling " + number + " van het debat",
        open,
        now.options(),
        Map.of(),
        Optional.of(new DebateResult(round, before, after, shift)),
        stances);
  }
}
