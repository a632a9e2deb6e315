package io.pollcast.cli;

import io.pollcast.LocalOperator;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.importer.EpisodeFileReader;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.text.ImportTexts;
import java.net.URI;
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
      "Imports an episode's theses from show notes or a HOCON file (.conf), or the episodes"
          + " of a podcast feed (an http:// or https:// URL).",
      "Show notes have 'Stelling 1: ...' (or 'Thesis 1:', 'Motion:') headings. Prints every"
          + " thesis as it was read, with warnings. Re-importing updates the episode, edits polls"
          + " already posted and keeps every vote already cast."
    },
    footer = {
      "",
      "Examples:",
      "  pollcast import episode-068.txt --dry-run     check how the notes are read",
      "  pollcast import episode-068.txt",
      "  pollcast import https://example.org/podcast.xml   import the feed's episodes once"
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Parameters(
      paramLabel = "FILE",
      description = "Show notes (.txt), an episode in HOCON (.conf), or a feed's URL.")
  private String source;

  @Option(names = "--dry-run", description = "Print what would be imported and change nothing.")
  private boolean dryRun;

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    PollcastConfig settings = config.load(context.env());
    if (FeedImport.isUrl(source)) {
      return importFeed(context, settings);
    }
    EpisodeDraft draft;
    try {
      draft = new EpisodeFileReader().read(Path.of(source));
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

  /** Imports the feed's new and changed episodes once; {@code --dry-run} only reads them. */
  private int importFeed(CliContext context, PollcastConfig settings) throws Exception {
    URI url = FeedImport.url(source);
    return FeedImport.print(context, settings, url, dryRun);
  }
}
