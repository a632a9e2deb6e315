package io.pollcast.cli;

import io.pollcast.config.PollcastConfig;
import io.pollcast.storage.Database;
import io.pollcast.storage.H2Backup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pollcast backup --out FILE}: a consistent copy of the H2 database while the bot runs. On
 * PostgreSQL it says how to back up with {@code pg_dump} instead, with exit code 2.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a consistent copy of the H2 database to a zip file.",
      "Works while the bot runs and votes come in. The voter key is not in it: back it up"
          + " separately and keep it apart.",
      "On PostgreSQL, prints how to back up with pg_dump."
    },
    footer = {
      "",
      "Example:",
      "  pollcast backup --out backups/pollcast-$(date +%F).zip",
      "  pollcast restore backups/pollcast-2026-12-01.zip   (into an empty database)"
    })
final class BackupCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The zip file to write; must not exist yet.")
  private Path out;

  @Override
  public Integer call() {
    CliContext context = parent.context();
    PollcastConfig settings = config.load(context.env());
    Optional<Integer> refused = PostgresqlBackups.refuse(context, settings);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (Files.exists(out)) {
      throw new BadInputException(out + " exists already; choose a new file name.");
    }
    try (Database db = Database.open(settings.storage())) {
      H2Backup.backup(db, out);
    }
    context.out().println("Backed up the database to " + out + ". The voter key is not in it.");
    context.out().flush();
    return 0;
  }
}
