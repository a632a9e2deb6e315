package io.pollcast.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The machine a run measured.
 *
 * @param cores processors available to the JVM
 * @param memoryBytes the machine's physical memory
 * @param java the JVM's name and version
 * @param heapLimitBytes the heap limit
 * @param os the operating system
 * @param load the system load average over a minute when the run started, others' work included
 * @param date the day of the run (UTC)
 */
record Machine(
    int cores,
    long memoryBytes,
    String java,
    long heapLimitBytes,
    String os,
    double load,
    LocalDate date) {

  /** This machine now. */
  static Machine current() {
    var system =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        system.getTotalMemorySize(),
        System.getProperty("java.vm.name") + " " + Runtime.version(),
        Runtime.getRuntime().maxMemory(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")",
        system.getSystemLoadAverage(),
        LocalDate.now(ZoneOffset.UTC));
  }
}
