package io.pollcast.cli;

import io.pollcast.domain.EpisodeSummary;
import io.pollcast.poll.PollService;
import io.pollcast.text.EpisodeTexts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast episodes [EPISODE]}: lists the stored episodes with their theses. */
@Command(
    name = "episodes",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the stored episodes with their theses and polls, newest first.",
      "With an episode number, that episode alone."
    },
    footer = {"", "Examples:", "  pollcast episodes", "  pollcast episodes 68 --json"})
final class EpisodesCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Parameters(paramLabel = "EPISODE", arity = "0..1", description = "Only this episode.")
  private Optional<Integer> episode;

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
              PollService service = pollcast.service();
              List<EpisodeSummary> episodes = selected(service);
              return json
                  ? ResultsFormats.json(episodes, service::theses)
                  : new EpisodeTexts(pollcast.texts().messages())
                      .episodes(episodes, service::theses);
            });
    context.out().println(text);
    return 0;
  }

  private List<EpisodeSummary> selected(PollService service) {
    List<EpisodeSummary> all = service.episodes();
    if (episode.isEmpty()) {
      return all;
    }
    service.theses(episode.get()); // refuses an unknown episode
    return all.stream().filter(e -> e.number() == episode.get()).toList();
  }
}
