package io.pollcast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast episodes}: lists the stored episodes. */
@Command(
    name = "episodes",
    mixinStandardHelpOptions = true,
    description = "Lists the stored episodes with their theses and polls, newest first.",
    footer = {"", "Example:", "  pollcast episodes --json"})
final class EpisodesCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    String text =
        CoreSession.reading(
            config.load(context.env()),
            context,
            pollcast -> {
              var episodes = pollcast.service().episodes();
              return json ? ResultsFormats.json(episodes) : pollcast.texts().episodes(episodes);
            });
    context.out().println(text);
    return 0;
  }
}
