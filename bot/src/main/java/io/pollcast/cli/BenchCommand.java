package io.pollcast.cli;

import io.pollcast.Pollcast;
import io.pollcast.bench.BenchFigures;
import io.pollcast.bench.BenchReport;
import io.pollcast.bench.Benchmark;
import io.pollcast.bench.CrashDrill;
import io.pollcast.bench.SilentPublisher;
import io.pollcast.config.PollcastConfig;
import io.pollcast.poll.Platform;
import io.pollcast.poll.VoterKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast bench}: measures the vote path against H2's own limit. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the vote path on this machine, on throwaway databases.",
      "Runs in this process, on fresh file databases in a temporary folder (your own data is"
          + " not touched): H2's raw limit for the same writes, the vote path from"
          + " PollService.vote to the acknowledgement, acknowledgement latency at half that"
          + " peak, tally latency, peak heap and the database file's size. Prints the figures"
          + " and writes them to BENCHMARKS.md. Run it with -Xmx256m to check the heap goal."
    },
    footer = {
      "",
      "Examples:",
      "  java -Xmx256m -jar bot/target/pollcast.jar bench",
      "  pollcast bench --votes 20000 --latency-seconds 5 --no-report     a quick try"
    })
final class BenchCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Option(
      names = "--votes",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Votes in each throughput run (default ${DEFAULT-VALUE}).")
  private int votes;

  @Option(
      names = "--in-flight",
      paramLabel = "N",
      defaultValue = "2000",
      description =
          "Most votes in flight at once in the vote path's run (default ${DEFAULT-VALUE}).")
  private int inFlight;

  @Option(
      names = "--latency-seconds",
      paramLabel = "S",
      defaultValue = "20",
      description =
          "How long the latency run at half the peak lasts; the runs at a quarter and an eighth"
              + " last half as long (default ${DEFAULT-VALUE}).")
  private double latencySeconds;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      defaultValue = "BENCHMARKS.md",
      description = "Where to write the figures (default ${DEFAULT-VALUE}).")
  private Path report;

  @Option(names = "--no-report", description = "Only print the figures.")
  private boolean noReport;

  @Option(
      names = "--crash-drill",
      hidden = true,
      description = "Votes on the configured database and prints each acknowledgement (tests).")
  private boolean crashDrill;

  @Option(names = "--clients", hidden = true, defaultValue = "16")
  private int clients;

  @Override
  public Integer call() throws Exception {
    if (votes < 1 || inFlight < 1 || clients < 1 || !(latencySeconds > 0)) {
      throw new BadInputException(
          "--votes, --in-flight and --latency-seconds must be greater than zero");
    }
    CliContext context = parent.context();
    PollcastConfig settings = config.load(context.env());
    if (crashDrill) {
      byte[] key = VoterKeys.load(settings.privacy(), settings.secrets());
      try (Pollcast pollcast =
          Pollcast.open(
              settings, key, context.clock(), Map.of(Platform.CONSOLE, new SilentPublisher()))) {
        new CrashDrill(pollcast, context.out()).run(votes, clients);
      }
      return 0;
    }
    BenchFigures figures =
        new Benchmark(
                settings,
                new Benchmark.Settings(votes, inFlight, 2, latencySeconds, arguments()),
                context.err())
            .run();
    String markdown = BenchReport.markdown(figures);
    context.out().print(markdown);
    context.out().flush();
    if (!noReport) {
      Files.writeString(report, markdown, StandardCharsets.UTF_8);
      context.err().println("Written to " + report.toAbsolutePath());
    }
    return 0;
  }

  private List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    if (votes != 1_000_000) {
      arguments.add("--votes " + votes);
    }
    if (inFlight != 2_000) {
      arguments.add("--in-flight " + inFlight);
    }
    if (latencySeconds != 20) {
      arguments.add("--latency-seconds " + latencySeconds);
    }
    return arguments;
  }
}
