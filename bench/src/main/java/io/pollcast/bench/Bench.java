package io.pollcast.bench;

import io.pollcast.storage.Engine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Measures the storage's vote path on H2, PostgreSQL or both, and writes the markdown report to
 * {@code BENCHMARKS.md} (or elsewhere, or nowhere) besides printing it. Progress goes to stderr.
 * Run it through {@code scripts/bench}, which builds it and starts a PostgreSQL server when none is
 * named.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures Pollcast's vote path on H2 and PostgreSQL; see BENCHMARKS.md.")
public final class Bench implements Callable<Integer> {
  /** The variable {@code scripts/with-postgres} names its server in. */
  static final String POSTGRES_URL_VARIABLE = "POLLCAST_TEST_POSTGRES_URL";

  /** Which engines to measure. */
  enum Engines {
    H2,
    POSTGRESQL,
    BOTH
  }

  @Option(names = "--engine", defaultValue = "both", description = "h2, postgresql or both")
  Engines engines;

  @Option(names = "--votes", defaultValue = "1000000", description = "votes of 1 and 2")
  int votes;

  @Option(names = "--trickle", defaultValue = "200000", description = "votes of the trickle")
  int trickle;

  @Option(
      names = "--latency-seconds",
      defaultValue = "10",
      description = "seconds of each latency run")
  int latencySeconds;

  @Option(
      names = "--postgres-url",
      description = "a PostgreSQL server (user pollcast); default: $" + POSTGRES_URL_VARIABLE)
  String postgresUrl;

  @Option(names = "--postgres-password", defaultValue = "", description = "its password")
  String postgresPassword;

  @Option(names = "--report", defaultValue = "BENCHMARKS.md", description = "the report's file")
  Path report;

  @Option(names = "--no-report", description = "print the report only")
  boolean noReport;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line, ready to execute. */
  static CommandLine commandLine() {
    return new CommandLine(new Bench()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  @Override
  public Integer call() throws Exception {
    if (votes < 1 || trickle < 1 || latencySeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "--votes, --trickle and --latency-seconds must be at least 1");
    }
    PrintWriter progress = spec.commandLine().getErr();
    Machine machine = Machine.current();
    var settings = new EngineBench.Settings(votes, trickle, latencySeconds);
    Map<Engine, Function<String, Scratch>> scratches = new LinkedHashMap<>();
    for (Engine engine : engines()) {
      scratches.put(engine, scratches(engine));
    }
    List<EngineFigures> figures = new ArrayList<>();
    for (var engine : scratches.entrySet()) {
      progress.println("== " + engine.getKey());
      figures.add(new EngineBench(settings, engine.getValue(), progress).run());
    }
    String markdown = Report.render(machine, command(), figures);
    spec.commandLine().getOut().print(markdown);
    spec.commandLine().getOut().flush();
    if (!noReport) {
      ReportFile.replaceSection(report, Report.START, Report.END, markdown);
      progress.println("Report written to " + report);
    }
    return 0;
  }

  private List<Engine> engines() {
    return switch (engines) {
      case H2 -> List.of(Engine.H2);
      case POSTGRESQL -> List.of(Engine.POSTGRESQL);
      case BOTH -> List.of(Engine.H2, Engine.POSTGRESQL);
    };
  }

  private Function<String, Scratch> scratches(Engine engine) throws IOException {
    if (engine == Engine.H2) {
      Path dir = Files.createTempDirectory("pollcast-bench");
      dir.toFile().deleteOnExit();
      return name -> Scratch.h2(dir, name);
    }
    String server = postgresUrl != null ? postgresUrl : System.getenv(POSTGRES_URL_VARIABLE);
    if (server == null || server.isBlank()) {
      throw new ParameterException(
          spec.commandLine(),
          "PostgreSQL needs --postgres-url or $"
              + POSTGRES_URL_VARIABLE
              + "; scripts/bench starts a server when neither is given");
    }
    return name -> Scratch.postgres(server, postgresPassword, name);
  }

  /** The command that runs this again from the repository's root, without secrets. */
  private String command() {
    return String.format(
        Locale.ROOT,
        "scripts/bench --engine %s --votes %d --trickle %d --latency-seconds %d",
        engines.name().toLowerCase(Locale.ROOT),
        votes,
        trickle,
        latencySeconds);
  }
}
