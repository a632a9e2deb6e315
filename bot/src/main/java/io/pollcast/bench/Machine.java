package io.pollcast.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The machine a benchmark ran on, when, and the command that runs it again.
 *
 * @param cores processors available to the JVM
 * @param jvm the JVM's name and version
 * @param os the operating system
 * @param maxHeapBytes the heap limit
 * @param loadBefore the system load average (1 min) when the run started
 * @param loadAfter the system load average when it ended
 * @param date the day of the run (UTC)
 * @param command the command that runs it again, from the repository's root
 */
record Machine(
    int cores,
    String jvm,
    String os,
    long maxHeapBytes,
    double loadBefore,
    double loadAfter,
    LocalDate date,
    String command) {

  /** This machine now; {@code loadBefore} was read when the run started. */
  static Machine current(double loadBefore, List<String> benchArguments) {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")",
        Runtime.getRuntime().maxMemory(),
        loadBefore,
        load(),
        LocalDate.now(ZoneOffset.UTC),
        command(benchArguments));
  }

  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String command(List<String> benchArguments) {
    String jvmOptions =
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-Xm") || a.startsWith("-Xs") || a.startsWith("-XX:"))
            .collect(Collectors.joining(" "));
    return "mvn -B -q -DskipTests package && java "
        + (jvmOptions.isEmpty() ? "" : jvmOptions + " ")
        + "-jar bot/target/pollcast.jar bench"
        + (benchArguments.isEmpty() ? "" : " " + String.join(" ", benchArguments));
  }
}
