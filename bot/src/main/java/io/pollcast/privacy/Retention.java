package io.pollcast.privacy;

import io.pollcast.storage.PrivacyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the per-voter rows of polls that closed more than the retention time ago; their counts
 * stay, so results and {@code pollcast tally} are unchanged. Each poll is purged in its own
 * transaction. Thread-safe; {@link RetentionJob} runs it at start-up and periodically.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  private final PrivacyStore store;
  private final Duration retention;
  private final Clock clock;

  /** Creates the job; {@code retention} is how long after closing the rows are kept. */
  public Retention(PrivacyStore store, Duration retention, Clock clock) {
    this.store = store;
    this.retention = retention;
    this.clock = clock;
  }

  /** Purges every poll that is due now. */
  public RetentionReport run() {
    Instant now = clock.instant();
    int polls = 0;
    int rows = 0;
    for (long pollId : store.pollsDueForPurge(now.minus(retention))) {
      rows += store.purgeVoterRows(pollId, now);
      polls++;
    }
    if (polls > 0) {
      LOG.info(
          "Removed the per-voter rows of {} closed poll(s) ({} rows); their counts remain",
          polls,
          rows);
    }
    return new RetentionReport(polls, rows);
  }
}
