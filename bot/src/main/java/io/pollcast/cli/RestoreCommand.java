package io.pollcast.cli;

import io.pollcast.config.PollcastConfig;
import io.pollcast.storage.Database;
import io.pollcast.storage.H2Backup;
import io.pollcast.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pollcast restore FILE}: puts a backup made by {@code pollcast backup} into an empty H2
 * database. On PostgreSQL it says how to restore with {@code pg_restore} instead, with exit code 2.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Restores a backup made by 'pollcast backup' into the H2 database pollcast.storage.url names.",
      "That database must not hold any episode yet, and a bot must not run on it.",
      "Put the voter key back as well (POLLCAST_VOTER_KEY, or voter.key beside the database)."
    },
    footer = {
      "",
      "Example:",
      "  CONFIG_FORCE_pollcast_storage_url='jdbc:h2:file:/srv/new/pollcast;AUTO_SERVER=TRUE' \\",
      "    pollcast restore pollcast-2026-12-01.zip && pollcast verify"
    })
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Parameters(paramLabel = "FILE", description = "The zip written by 'pollcast backup'.")
  private Path file;

  @Override
  public Integer call() {
    CliContext context = parent.context();
    PollcastConfig settings = config.load(context.env());
    Optional<Integer> refused = PostgresqlBackups.refuse(context, settings);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + " is not a file.");
    }
    try {
      H2Backup.restore(settings.storage(), file);
    } catch (StorageException e) {
      throw new BadInputException(e.getMessage());
    }
    int episodes;
    try (Database db = Database.open(settings.storage())) {
      episodes = db.episodes().summaries().size();
    }
    context
        .out()
        .println(
            "Restored "
                + episodes
                + " episode(s) from "
                + file
                + ". Put the voter key back too, then check with: pollcast verify");
    context.out().flush();
    return 0;
  }
}
