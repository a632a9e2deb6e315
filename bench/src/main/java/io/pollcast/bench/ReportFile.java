package io.pollcast.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * BENCHMARKS.md holds the figures of several benchmarks, each between its own two marker lines, so
 * that running one benchmark again replaces its figures and leaves the others' alone.
 */
final class ReportFile {
  private ReportFile() {}

  /**
   * Replaces what lies between {@code start} and {@code end} in {@code file} (the markers included)
   * with {@code figures}, which should begin with {@code start} and end with {@code end}; appends
   * them when the file has no such section yet.
   */
  static void replaceSection(Path file, String start, String end, String figures)
      throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    String updated =
        from >= 0 && to > from
            ? text.substring(0, from) + figures + text.substring(to + end.length())
            : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + figures + "\n";
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
