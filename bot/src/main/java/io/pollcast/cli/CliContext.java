package io.pollcast.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What the command line runs against: the environment, the standard streams and the clock, passed
 * in rather than read from globals so that tests can run commands in-process.
 *
 * @param env environment variables (secrets, overrides)
 * @param in standard input (the console chat)
 * @param out standard output (results)
 * @param err standard error (problems)
 * @param clock the clock
 */
public record CliContext(
    Map<String, String> env, InputStream in, PrintStream out, PrintStream err, Clock clock) {
  public CliContext {
    env = Map.copyOf(env);
  }
}
