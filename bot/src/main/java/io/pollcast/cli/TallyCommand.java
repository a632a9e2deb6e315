package io.pollcast.cli;

import io.pollcast.LocalOperator;
import io.pollcast.text.EpisodeTexts;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast tally EPISODE}: the counts per thesis and option. */
@Command(
    name = "tally",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the tally of an episode: votes per thesis and option, split per platform.",
      "Works while the bot runs. Counts only: Pollcast cannot tell who voted what. An episode"
          + " whose polls never started is listed with its theses."
    },
    footer = {"", "Examples:", "  pollcast tally 68", "  pollcast tally 68 --csv > results.csv"})
final class TallyCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Parameters(paramLabel = "EPISODE", description = "The episode number.")
  private int episode;

  @ArgGroup(exclusive = true)
  private Format format = new Format();

  static final class Format {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--csv", description = "Print CSV.")
    boolean csv;
  }

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    String text =
        CoreSession.reading(
            config.load(context.env()),
            context,
            pollcast -> {
              var results = pollcast.service().tally(LocalOperator.ACTOR, episode);
              var theses = pollcast.service().theses(episode);
              if (format.json) {
                return ResultsFormats.json(results, theses);
              }
              if (format.csv) {
                return ResultsFormats.csv(results);
              }
              return results.theses().isEmpty()
                  ? new EpisodeTexts(pollcast.texts().messages()).notStarted(results, theses)
                  : pollcast.texts().tally(results);
            });
    context.out().print(text.endsWith("\n") ? text : text + "\n");
    context.out().flush();
    return 0;
  }
}
