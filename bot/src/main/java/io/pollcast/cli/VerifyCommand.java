package io.pollcast.cli;

import io.pollcast.storage.Database;
import io.pollcast.storage.OptionCount;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.PollStore;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pollcast verify}: recounts every poll from its votes and compares the recount with the
 * counters that tallies are read from. Exit code 0 when all agree, 1 with a report otherwise.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Recounts the votes of every poll and checks the tallies' counters against it.",
      "Works while the bot runs. Exit code 0 when all counters agree, 1 with a list of the"
          + " differences otherwise."
    },
    footer = {"", "Example:", "  pollcast verify --config my.conf && echo 'counters are exact'"})
final class VerifyCommand implements Callable<Integer> {
  static final int DIFFERENCES = 1;

  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Override
  public Integer call() {
    CliContext context = parent.context();
    try (Database db = Database.open(config.load(context.env()).storage())) {
      PollStore polls = db.polls();
      List<OptionCount> differences = polls.counterDifferences();
      PrintStream out = context.out();
      if (differences.isEmpty()) {
        out.println("All counters equal a recount of the votes.");
        out.flush();
        return 0;
      }
      out.println("Counters that differ from a recount of the votes:");
      for (OptionCount difference : differences) {
        out.println("  " + describe(polls, difference));
      }
      out.println(differences.size() + " counter(s) differ.");
      out.flush();
      return DIFFERENCES;
    }
  }

  private static String describe(PollStore polls, OptionCount difference) {
    String poll =
        polls
            .find(difference.pollId())
            .map(VerifyCommand::place)
            .orElse("poll " + difference.pollId());
    int by = difference.votes();
    return poll
        + ", option "
        + (difference.index() + 1)
        + " \""
        + difference.label()
        + "\": the counter is "
        + Math.abs(by)
        + (by > 0 ? " above" : " below")
        + " the recount";
  }

  private static String place(PollRow row) {
    return "poll "
        + row.id()
        + " (thesis "
        + row.episodeNumber()
        + "."
        + row.thesisNumber()
        + " on "
        + row.platform()
        + " in "
        + row.channel()
        + ")";
  }
}
