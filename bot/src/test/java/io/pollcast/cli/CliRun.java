package io.pollcast.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs the command line in-process, capturing its output, as a test would from a shell. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(Map<String, String> env, String input, String... args) {
    return at(Clock.systemUTC(), env, input, args);
  }

  /** Runs the command line with its clock at a given time, as if run then. */
  static CliRun at(Clock clock, Map<String, String> env, String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CliContext context =
        new CliContext(
            env,
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            clock);
    int code = PollcastCli.execute(context, args);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
