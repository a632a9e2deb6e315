package io.pollcast;

import io.pollcast.cli.CliContext;
import io.pollcast.cli.PollcastCli;
import java.time.Clock;

/** Entry point of {@code pollcast.jar}: hands the arguments to the command line. */
public final class Main {
  private Main() {}

  /** Runs a command and exits with its code (0 success, 2 bad usage or input, 1 failure). */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true"); // charts are drawn without a display
    CliContext context =
        new CliContext(System.getenv(), System.in, System.out, System.err, Clock.systemUTC());
    System.exit(PollcastCli.execute(context, args));
  }
}
