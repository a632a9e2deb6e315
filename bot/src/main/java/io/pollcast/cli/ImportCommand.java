package io.pollcast.cli;

import io.pollcast.LocalOperator;
import io.pollcast.config.PollcastConfig;
import io.pollcast.importer.EpisodeDraft;
import io.pollcast.importer.EpisodeFileReader;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.text.ImportTexts;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pollcast import FILE}: imports or updates an episode and prints every thesis as it was
 * read, with the warnings; {@code --dry-run} prints the same and stores nothing.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports an episode's theses from show notes or a HOCON file (.conf).",
      "Show notes have 'Stelling 1: ...' (or 'Thesis 1:', 'Motion:') headings. Prints every"
          + " thesis as it was read, with warnings. Re-importing updates the episode, edits polls"
          + " already posted and keeps every vote already cast."
    },
    footer = {
      "",
      "Examples:",
      "  pollcast import episode-068.txt --dry-run     check how the notes are read",
      "  pollcast import episode-068.txt"
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Parameters(
      paramLabel = "FILE",
      description = "Show notes (.txt) or an episode in HOCON (.conf).")
  private Path file;

  @Option(names = "--dry-run", description = "Print what would be imported and change nothing.")
  private boolean dryRun;

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    PollcastConfig settings = config.load(context.env());
    EpisodeDraft draft;
    try {
      draft = new EpisodeFileReader().read(file);
    } catch (EpisodeFormatException e) {
      throw new BadInputException(e.message(settings.language()));
    }
    String report =
        CoreSession.with(
            settings,
            context,
            pollcast -> {
              var service = pollcast.service();
              var done =
                  dryRun
                      ? service.previewImport(LocalOperator.ACTOR, draft)
                      : service.importEpisode(LocalOperator.ACTOR, draft);
              return new ImportTexts(pollcast.texts().messages()).details(done);
            });
    context.out().println(report);
    return 0;
  }
}
