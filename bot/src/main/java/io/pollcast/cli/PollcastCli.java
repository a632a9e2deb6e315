package io.pollcast.cli;

import io.pollcast.config.InvalidConfigException;
import io.pollcast.config.SecretRedactor;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.privacy.VoterKeyMismatchException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code pollcast} command line. Without a subcommand it runs the bot. Exit codes: 0 success, 2
 * bad usage or input, 1 anything else.
 */
@Command(
    name = "pollcast",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Lets a podcast's community vote on the episode's theses.",
    subcommands = {
      RunCommand.class,
      ImportCommand.class,
      FeedCommand.class,
      EpisodesCommand.class,
      TallyCommand.class,
      ReasonsCommand.class,
      ChartCommand.class,
      DemoCommand.class,
      AuditCommand.class,
      VerifyCommand.class,
      BackupCommand.class,
      RestoreCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  pollcast                      run the bot (the console chat without tokens)",
      "  pollcast import notes.txt     import an episode's show notes",
      "  pollcast tally 68 --json      the tally of episode 68"
    })
public final class PollcastCli implements Callable<Integer> {
  static final int BAD_INPUT = 2;
  static final int FAILURE = 1;

  @Mixin private ConfigOption config;

  private final CliContext context;

  PollcastCli(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  @Override
  public Integer call() throws Exception {
    return new RunCommand(this, config).call();
  }

  /** Runs the command line and returns the exit code. */
  public static int execute(CliContext context, String... args) {
    CommandLine line = new CommandLine(new PollcastCli(context));
    // the charset System.out and System.err use on Java 17
    Charset charset = Charset.defaultCharset();
    line.setOut(new PrintWriter(new OutputStreamWriter(context.out(), charset), true));
    line.setErr(new PrintWriter(new OutputStreamWriter(context.err(), charset), true));
    line.setExecutionExceptionHandler(
        (error, commandLine, parseResult) -> {
          commandLine
              .getErr()
              .println(SecretRedactor.fromEnvironment(context.env()).redact(message(error)));
          return isBadInput(error) ? BAD_INPUT : FAILURE;
        });
    return line.execute(args);
  }

  private static boolean isBadInput(Exception error) {
    return error instanceof InvalidConfigException
        || error instanceof EpisodeFormatException
        || error instanceof BadInputException
        || error instanceof VoterKeyMismatchException;
  }

  private static String message(Exception error) {
    return "Error: " + error.getMessage();
  }
}
