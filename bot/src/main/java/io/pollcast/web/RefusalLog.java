package io.pollcast.web;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the requests and connections the web server refuses, by reason, and logs the counts in one
 * line per period instead of a line per refusal: a flood of forged requests must not flood the log.
 * The reasons are the server's own words, never text from a request. Thread-safe.
 */
public final class RefusalLog {
  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /** Counts one refusal for {@code reason}, such as "a wrong or missing signature (401)". */
  public void count(String reason) {
    counts.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** Logs the counts since the last call, if any, and starts counting afresh. */
  void flush(String period) {
    Map<String, Long> taken = new TreeMap<>();
    for (String reason : counts.keySet()) {
      long count = counts.get(reason).sumThenReset();
      if (count > 0) {
        taken.put(reason, count);
      }
    }
    if (!taken.isEmpty()) {
      LOG.warn(
          "Refused {}: {}",
          period,
          taken.entrySet().stream()
              .map(e -> e.getValue() + " × " + e.getKey())
              .collect(Collectors.joining(", ")));
    }
  }
}
