package io.pollcast.cli;

import io.pollcast.BotRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast run}: runs the bot. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the bot on every platform that has credentials (DISCORD_TOKEN, SLACK_BOT_TOKEN).",
      "With none, runs the console chat: each line is 'name: message'."
    },
    footer = {
      "",
      "Example:",
      "  printf 'host: /poll start 68\\nanna: /vote 68.1 Eens\\n' | pollcast run"
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  RunCommand() {}

  RunCommand(PollcastCli parent, ConfigOption config) {
    this.parent = parent;
    this.config = config;
  }

  @Override
  public Integer call() throws Exception {
    CliContext context = parent.context();
    new BotRunner(config.load(context.env()), context.clock()).run(context.in(), context.out());
    return 0;
  }
}
