package io.pollcast.poll;

import io.pollcast.config.PollsConfig;
import io.pollcast.domain.Platform;
import io.pollcast.routine.Routine;
import io.pollcast.routine.Routines;
import io.pollcast.storage.Database;
import io.pollcast.storage.PollRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps time for the polls: closes those whose closing time has passed (queueing their
 * announcements in the same transaction), posts reminders, and delivers pending announcements. The
 * closing times live in the database, so a poll that should have closed while the bot was down is
 * closed and announced at {@link #start()}.
 *
 * <p>Runs {@link #runDue()} every {@link #PERIOD} as a {@link Routine}; tests call {@link
 * #runDue()} themselves with a clock they advance. Close it on shutdown.
 */
public final class PollScheduler implements AutoCloseable {
  /** How often the scheduler looks at the clock: polls close within this of their time. */
  public static final Duration PERIOD = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(PollScheduler.class);
  private final Database db;
  private final AnnouncementDeliverer announcer;
  private final Optional<Reminders> reminders;
  private final Clock clock;
  private final AtomicBoolean started = new AtomicBoolean();
  private final Routines routines;
  private volatile Optional<Routines.Running> ticking = Optional.empty();

  public PollScheduler(
      Database db,
      AnnouncementDeliverer announcer,
      PollsConfig config,
      Map<Platform, PollPublisher> publishers,
      PollCatalog catalog,
      Clock clock,
      Routines routines) {
    this.db = db;
    this.routines = routines;
    this.announcer = announcer;
    this.reminders =
        config.reminderBefore().map(before -> new Reminders(db, publishers, catalog, before));
    this.clock = clock;
  }

  /**
   * Catches up on the caller's thread (retries announcements a stopped process was posting, closes
   * polls that became due while the bot was down and announces them), then keeps time on the
   * scheduler's thread. For the running bot only, once, and one bot per database.
   */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("The scheduler runs already");
    }
    announcer.recoverInterrupted();
    runDue();
    ticking = Optional.of(routines.start(Routine.every("poll scheduler", PERIOD, this::tick)));
  }

  /** Closes due polls, posts due reminders and delivers pending announcements, now. */
  public synchronized void runDue() {
    Instant now = clock.instant();
    // closing locks the polls it closes: only when a poll is due
    List<PollRow> closed = db.closing().anyDue(now) ? db.closing().closeDue(now) : List.of();
    if (!closed.isEmpty()) {
      LOG.info("Closed {} poll(s) whose closing time had come", closed.size());
    }
    reminders.ifPresent(r -> r.sendDue(now));
    announcer.deliverPending();
  }

  private void tick() {
    try {
      runDue();
    } catch (RuntimeException e) {
      LOG.error("The scheduler failed; it tries again in {}", PERIOD, e);
    }
  }

  /** Stops keeping time; waits for a run in progress. */
  @Override
  public void close() {
    ticking.ifPresent(Routines.Running::close);
  }
}
