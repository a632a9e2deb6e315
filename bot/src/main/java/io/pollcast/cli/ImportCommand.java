package io.pollcast.cli;

import io.pollcast.LocalOperator;
import io.pollcast.importer.EpisodeFileReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast import FILE}: imports or updates an episode. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports an episode's theses from show notes or a HOCON file (.conf).",
      "Show notes have 'Stelling 1: ...' (or 'Thesis 1:', 'Motion:') headings. Prints every"
          + " thesis as it was read, with warnings. Re-importing updates the episode, edits polls"
          + " already posted and keeps every vote already cast."
    },
    footer = {"", "Example:", "  pollcast import episode-068.txt"})
final class ImportCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Parameters(
      paramLabel = "FILE",
      description = "Show notes (.txt) or an episode in HOCON (.conf).")
  private Path file;

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    var draft = new EpisodeFileReader().read(file);
    String report =
        CoreSession.with(
            config.load(context.env()),
            context,
            pollcast ->
                pollcast
                    .texts()
                    .imported(pollcast.service().importEpisode(LocalOperator.ACTOR, draft)));
    context.out().println(report);
    return 0;
  }
}
