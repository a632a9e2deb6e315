package io.pollcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class BenchTest {

  @Test
  @DisplayName("A tiny run on H2 prints a report with every figure, and writes no file")
  void tinyRunOnH2() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine bench = Bench.commandLine();
    bench.setOut(new PrintWriter(out));
    bench.setErr(new PrintWriter(err));

    int exit =
        bench.execute(
            "--engine",
            "h2",
            "--votes",
            "2000",
            "--trickle",
            "500",
            "--latency-seconds",
            "1",
            "--no-report");

    assertThat(exit).as(err.toString()).isZero();
    String report = out.toString();
    assertThat(report)
        .contains("scripts/bench --engine h2 --votes 2000 --trickle 500 --latency-seconds 1")
        .contains("| Cores |", "| Memory |", "| Java |", "## H2 ")
        .contains("1. Raw limit", "2. Vote path", "3. Acknowledgement at 1,000 votes/s")
        .contains("(half the peak of 2)", "`polls().tally(68)`", "`polls().options(poll)`")
        .contains("5. Size with the votes of 2", "5. Size during and after a trickle: 500 votes")
        .contains("6. Peak heap", "Votes failed; counters equal a recount after 3 | 0; yes")
        .doesNotContain("NaN", "Infinity", "| 0.0 MiB");
    assertThat(report.lines().filter(line -> line.contains("p99 **"))).hasSize(4);
    assertThat(err.toString()).contains("raw limit", "vote path", "latency", "tally", "trickle");
  }

  @Test
  @DisplayName("PostgreSQL without a server is refused before anything runs")
  void postgresWithoutServer() {
    StringWriter err = new StringWriter();
    CommandLine bench = Bench.commandLine();
    bench.setErr(new PrintWriter(err));

    int exit = bench.execute("--engine", "postgresql", "--postgres-url", "", "--no-report");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--postgres-url");
  }
}
