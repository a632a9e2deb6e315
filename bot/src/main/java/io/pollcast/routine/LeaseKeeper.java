package io.pollcast.routine;

import io.pollcast.storage.LeaseStore;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a named lease in the database for as long as this process can renew it, for work that runs
 * in one process at a time: a Discord gateway session, or the process's own liveness that keeps its
 * claimed work its own. Asks for the lease every {@link #RENEW_EVERY}, for {@link #TTL} at a time;
 * a standby process gets it once the holder released it or let it expire.
 *
 * <p>A holder that cannot reach the database lets go {@link #LET_GO_AFTER} after its last renewal,
 * before the lease expires for the others: two processes never both believe they hold it, as long
 * as no pause of this process outlasts the difference. {@link Holder#acquired()} and {@link
 * Holder#lost()} are called on the routine's thread, alternately, starting with acquired; they must
 * return quickly (hand slow work to a thread of their own), or the lease is not renewed meanwhile.
 */
public final class LeaseKeeper implements AutoCloseable {
  /** How long a lease lasts after each renewal. */
  public static final Duration TTL = Duration.ofSeconds(6);

  /** How often the lease is renewed, or asked for by a standby. */
  public static final Duration RENEW_EVERY = Duration.ofSeconds(1);

  /** How long after its last renewal a holder that cannot renew lets go. */
  static final Duration LET_GO_AFTER = TTL.minusSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  /** What the lease guards: started when the lease is taken, stopped when it is lost. */
  public interface Holder {
    /** This process holds the lease now. */
    void acquired();

    /** This process no longer holds the lease (or is giving it up). */
    void lost();
  }

  /** For a lease that guards nothing but itself, such as a process's liveness. */
  public static final Holder NOTHING =
      new Holder() {
        @Override
        public void acquired() {}

        @Override
        public void lost() {}
      };

  private final LeaseStore leases;
  private final String name;
  private final String holderId;
  private final Holder holder;
  private final Routines routines;
  private volatile Optional<Routines.Running> running = Optional.empty();
  private boolean holding;
  private long renewedAtNanos;

  /**
   * A keeper of the lease {@code name} for {@code holderId}; nothing happens until {@link #start}.
   */
  public LeaseKeeper(
      LeaseStore leases, String name, String holderId, Holder holder, Routines routines) {
    this.leases = leases;
    this.name = name;
    this.holderId = holderId;
    this.holder = holder;
    this.routines = routines;
  }

  /**
   * Asks for the lease once, on the caller's thread (calling {@link Holder#acquired()} there if it
   * was granted), then keeps asking on the routines' thread; returns whether it holds the lease.
   */
  public boolean start() {
    tick();
    running =
        Optional.of(
            routines.start(new Routine("lease " + name, RENEW_EVERY, RENEW_EVERY, this::tick)));
    return holding();
  }

  /** Whether this process holds the lease now. */
  public synchronized boolean holding() {
    return holding;
  }

  private synchronized void tick() {
    long asked = System.nanoTime();
    boolean granted;
    boolean reachable = true;
    try {
      granted = leases.tryHold(name, holderId, TTL);
    } catch (RuntimeException e) {
      granted = false;
      reachable = false;
      LOG.warn("Could not renew the lease {}: {}", name, e.toString());
    }
    if (granted) {
      renewedAtNanos = asked;
      if (!holding) {
        holding = true;
        LOG.info("This process holds the lease {} now", name);
        holder.acquired();
      }
    } else if (holding && (reachable || asked - renewedAtNanos >= LET_GO_AFTER.toNanos())) {
      holding = false;
      LOG.warn(
          reachable
              ? "The lease {} went to another process"
              : "Letting go of the lease {}: the database did not answer in time",
          name);
      holder.lost();
    }
  }

  /** Stops renewing, stops the guarded work, and gives the lease up for a standby to take. */
  @Override
  public void close() {
    running.ifPresent(Routines.Running::close);
    synchronized (this) {
      if (holding) {
        holding = false;
        holder.lost();
      }
    }
    try {
      leases.release(name, holderId);
    } catch (RuntimeException e) {
      LOG.warn("Could not give up the lease {}; it expires within {}", name, TTL);
    }
  }
}
