package io.pollcast.feed;

import io.pollcast.feed.ItemPlan.Outcome;
import io.pollcast.routine.Routine;
import io.pollcast.routine.Routines;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the feed every {@code pollcast.feed.interval} as a {@link Routine}, from {@link #start()}
 * until closed. A feed that cannot be read is logged once per change of its state (unreachable, an
 * HTTP status, not a feed, too large), and again when it recovers; an item that cannot be imported
 * is logged once per version of its notes. Nothing a check meets stops the bot. Tests call {@link
 * #runOnce()} themselves.
 */
public final class FeedWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedWatcher.class);
  private final FeedFollower follower;
  private final Duration interval;
  private final Set<String> reported = new HashSet<>();
  private String state = "ok";
  private final Routines routines;
  private volatile Optional<Routines.Running> ticking = Optional.empty();

  private final BooleanSupplier myTurn;

  /**
   * Checks with {@code follower} every {@code interval} when {@code myTurn} says this process does
   * (of several sharing the database, one does).
   */
  public FeedWatcher(
      FeedFollower follower, Duration interval, BooleanSupplier myTurn, Routines routines) {
    this.follower = follower;
    this.interval = interval;
    this.myTurn = myTurn;
    this.routines = routines;
  }

  /** Checks the feed now, on a routine's thread, and then every interval. */
  public void start() {
    LOG.info("Following the feed {} every {}", follower.url(), interval);
    Runnable check =
        () -> {
          if (myTurn.getAsBoolean()) {
            runOnce();
          }
        };
    ticking =
        Optional.of(routines.start(new Routine("feed check", Duration.ZERO, interval, check)));
  }

  /**
   * Checks the feed once and logs what changed; never throws.
   *
   * @return the check, or empty when the feed could not be read or the check failed
   */
  public synchronized Optional<FeedCheck> runOnce() {
    try {
      FeedCheck check = follower.check();
      changeState("ok", () -> LOG.info("The feed {} can be read again", follower.url()));
      check.items().forEach(this::report);
      return Optional.of(check);
    } catch (FeedProblem e) {
      changeState(
          e.state(),
          () ->
              LOG.warn(
                  "The feed cannot be read: {}; tried again every {}", e.getMessage(), interval));
      return Optional.empty();
    } catch (RuntimeException e) {
      changeState(
          "failed", () -> LOG.error("The feed check failed; tried again every {}", interval, e));
      return Optional.empty();
    }
  }

  private void changeState(String now, Runnable log) {
    if (!now.equals(state)) {
      state = now;
      log.run();
    }
  }

  private void report(FeedCheck.Item item) {
    ItemPlan plan = item.plan();
    String key = plan.outcome() + " " + plan.item().title() + " " + plan.notesHash();
    if (plan.outcome() == Outcome.NO_NUMBER && reported.add(key)) {
      LOG.warn(
          "Feed item \"{}\" skipped: neither <itunes:episode> nor its title gives an episode"
              + " number",
          plan.item().title());
    } else if (plan.outcome() == Outcome.INVALID && reported.add(key)) {
      LOG.warn(
          "Feed item \"{}\" not imported: {}",
          plan.item().title(),
          plan.problem().orElseThrow().getMessage());
    } else if (item.refusal().isPresent() && reported.add(key)) {
      LOG.warn("Feed item \"{}\" not imported: {}", plan.item().title(), item.refusal().get());
    }
  }

  /** Stops checking; waits for a check in progress. */
  @Override
  public void close() {
    ticking.ifPresent(Routines.Running::close);
  }
}
