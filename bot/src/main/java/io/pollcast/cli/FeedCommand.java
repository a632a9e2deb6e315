package io.pollcast.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pollcast feed}: the podcast's feed; its one subcommand is {@code check}. */
@Command(
    name = "feed",
    mixinStandardHelpOptions = true,
    description = "Checks the podcast's feed (pollcast.feed.url) without storing anything.",
    subcommands = FeedCheckCommand.class,
    footer = {"", "Examples:", "  pollcast feed check", "  pollcast feed check --url URL"})
final class FeedCommand implements Runnable {
  @ParentCommand private PollcastCli parent;
  @Spec private CommandSpec spec;

  PollcastCli parent() {
    return parent;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: pollcast feed check");
  }
}
