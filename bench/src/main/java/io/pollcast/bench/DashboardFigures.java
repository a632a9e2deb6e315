package io.pollcast.bench;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What {@link DashboardBench} measured, and its section of {@code BENCHMARKS.md}.
 *
 * @param loadAtStart the machine's load average (1 min) when the votes began, other processes
 *     included
 * @param pages pages holding the live event stream
 * @param votes votes cast
 * @param rate votes a second asked for
 * @param achieved votes a second reached
 * @param shown from a vote's acknowledgement to a page receiving a tally that counts it
 * @param loads loading the episode page meanwhile
 */
record DashboardFigures(
    double loadAtStart,
    int pages,
    int votes,
    int rate,
    double achieved,
    Latencies.Summary shown,
    Latencies.Summary loads) {
  static final String START = "<!-- dashboard figures -->";
  static final String END = "<!-- end of dashboard figures -->";

  /** The section, between {@link #START} and {@link #END}, with the machine's cores and load. */
  String markdown() {
    return String.format(
        Locale.ROOT,
        "%s%n## The dashboard under load%n%n"
            + "Written by `scripts/bench-dashboard` on %s (%d cores, load average %.1f at the start)."
            + " %d dashboard pages keep their live event stream open (HTTP clients in the same"
            + " process, not browsers) while %,d votes arrive at %d a second (%.0f reached) on an"
            + " in-memory H2, one thesis.%n%n"
            + "| Figure | Median | p99 | Samples |%n| --- | --- | --- | --- |%n"
            + "| From a vote's acknowledgement to a page receiving a tally that counts it | %.0f ms |"
            + " %.0f ms | %,d |%n"
            + "| Loading the episode page meanwhile (HTML, server side) | %.1f ms | %.1f ms | %,d |%n"
            + "%nThe tally is read once a second for all pages of an episode and sent when it"
            + " changed, so the first figure is at most about a second plus the read and the"
            + " sending to every page.%n%s",
        START,
        LocalDate.now(),
        Runtime.getRuntime().availableProcessors(),
        loadAtStart,
        pages,
        votes,
        rate,
        achieved,
        shown.p50(),
        shown.p99(),
        shown.samples(),
        loads.p50(),
        loads.p99(),
        loads.samples(),
        END);
  }
}
