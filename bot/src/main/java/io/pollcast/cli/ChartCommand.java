package io.pollcast.cli;

import io.pollcast.chart.ResultsChartRenderer;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.ChartImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast chart EPISODE}: writes the results chart that announcements carry. */
@Command(
    name = "chart",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the results of an episode as a chart (PNG, "
          + ResultsChartRenderer.WIDTH
          + " pixels wide).",
      "Every thesis in full with a bar per option, its percentage and count; for a debate"
          + " the rounds before and after side by side with the shift. The same chart that the"
          + " announcement carries. While polls are open it shows the tally. Works while the"
          + " bot runs."
    },
    footer = {"", "Example:", "  pollcast chart 68 --out results.png"})
final class ChartCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Parameters(paramLabel = "EPISODE", description = "The episode number.")
  private int episode;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the PNG (default: episode-EPISODE.png here).")
  private Path out;

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    Path file = out != null ? out : Path.of("episode-" + episode + ".png");
    String report =
        CoreSession.reading(
            config.load(context.env()),
            context,
            pollcast -> {
              var results = pollcast.service().results(episode);
              if (results.theses().isEmpty()) {
                throw new RefusedException("close.none", episode);
              }
              ChartImage chart =
                  new ResultsChartRenderer(pollcast.texts().messages()).render(results);
              Files.write(file, chart.png());
              return pollcast
                  .texts()
                  .messages()
                  .get("chart.written", String.valueOf(episode), file);
            });
    context.out().println(report);
    return 0;
  }
}
