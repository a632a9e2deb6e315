package io.pollcast.routine;

import io.pollcast.storage.LeaseStore;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says whether this process takes the next run of a routine that processes sharing the database run
 * in turn, at most one run a period between them (retention, the feed check): the process that
 * holds the routine's lease ({@code routine:<name>}, lasting nine tenths of a period) runs it, the
 * others skip; when the holder stops, another takes over within a period. Thread-safe.
 */
public final class SoleTurn implements BooleanSupplier {
  private static final Logger LOG = LoggerFactory.getLogger(SoleTurn.class);

  private final LeaseStore leases;
  private final String lease;
  private final String holder;
  private final Duration ttl;

  /** The turns of the routine {@code name}, run every {@code period}, for {@code holder}. */
  public SoleTurn(LeaseStore leases, String name, String holder, Duration period) {
    this.leases = leases;
    this.lease = "routine:" + name;
    this.holder = holder;
    this.ttl = period.minus(period.dividedBy(10));
  }

  /** Whether this process runs the routine now; false when the database does not answer. */
  @Override
  public boolean getAsBoolean() {
    try {
      return leases.tryHold(lease, holder, ttl);
    } catch (RuntimeException e) {
      LOG.warn("Could not take the turn of {}: {}", lease, e.toString());
      return false;
    }
  }
}
