package io.pollcast.poll;

import io.pollcast.config.PollsConfig;
import io.pollcast.domain.Platform;
import io.pollcast.storage.Database;
import io.pollcast.storage.PollRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps time for the polls: closes those whose closing time has passed (queueing their
 * announcements in the same transaction), posts reminders, and delivers pending announcements. The
 * closing times live in the database, so a poll that should have closed while the bot was down is
 * closed and announced at {@link #start()}.
 *
 * <p>Owns one thread that runs {@link #runDue()} every {@link #PERIOD}; tests call {@link
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
  private volatile Optional<ScheduledFuture<?>> ticking = Optional.empty();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pollcast-scheduler"));

  public PollScheduler(
      Database db,
      AnnouncementDeliverer announcer,
      PollsConfig config,
      Map<Platform, PollPublisher> publishers,
      Clock clock) {
    this.db = db;
    this.announcer = announcer;
    this.reminders = config.reminderBefore().map(before -> new Reminders(db, publishers, before));
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
    long period = PERIOD.toMillis();
    ticking =
        Optional.of(
            executor.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS));
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
    ticking.ifPresent(t -> t.cancel(false));
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
