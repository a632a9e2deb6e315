package io.pollcast.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast audit}: what hosts and moderators did, for the operator. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the audit log: every import, start, close and tally by a host or moderator.",
      "Each line says who did it (platform, user id and display name), when, and on which"
          + " episode. Ordinary members never appear in it. Works while the bot runs."
    },
    footer = {"", "Examples:", "  pollcast audit", "  pollcast audit --json > audit.json"})
final class AuditCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Option(names = "--json", description = "Print JSON instead of text.")
  private boolean json;

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    var settings = config.load(context.env());
    String text =
        CoreSession.reading(
            settings,
            context,
            pollcast -> {
              var entries = pollcast.service().audit().entries();
              return json
                  ? AuditFormats.json(entries)
                  : AuditFormats.text(entries, settings.timeZone());
            });
    context.out().print(text.endsWith("\n") ? text : text + "\n");
    context.out().flush();
    return 0;
  }
}
