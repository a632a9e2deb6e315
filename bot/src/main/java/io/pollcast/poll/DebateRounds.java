package io.pollcast.poll;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Platform;
import io.pollcast.storage.Database;
import io.pollcast.storage.PollRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the after round of debate polls, by a host's command or at the scheduled time, and shows
 * the polls in their new round; records the hosts' stances. The switch is one transaction that
 * locks the polls as a vote batch does: a click counts in the before round if its batch committed
 * first, else in the after round. Thread-safe.
 */
public final class DebateRounds {
  private static final Logger LOG = LoggerFactory.getLogger(DebateRounds.class);
  private final Database db;
  private final Map<Platform, PollPublisher> publishers;
  private final PollViews views;
  private final PollMessageLocks messageLocks;
  private final Clock clock;

  /** Shows switched polls through {@code publishers}, under the poll message locks. */
  public DebateRounds(
      Database db,
      Map<Platform, PollPublisher> publishers,
      PollViews views,
      PollMessageLocks messageLocks,
      Clock clock) {
    this.db = db;
    this.publishers = Map.copyOf(publishers);
    this.views = views;
    this.messageLocks = messageLocks;
    this.clock = clock;
  }

  /** Opens the after round of an episode's debate polls now; the polls switched. */
  List<PollRow> openAfter(int episode) {
    List<PollRow> switched = db.debates().openAfterRound(episode);
    show(switched);
    return switched;
  }

  /** Opens every after round whose scheduled time has come. */
  void openDue() {
    Instant now = clock.instant();
    if (db.debates().anyAfterDue(now)) {
      List<PollRow> switched = db.debates().openDueAfterRounds(now);
      LOG.info(
          "Opened the after round of {} debate poll(s) at their scheduled time", switched.size());
      show(switched);
    }
  }

  /** Records a host's stance on a thesis, replacing the one they took before. */
  void recordStance(Actor host, int episode, int thesis, String label) {
    db.stances()
        .record(
            episode,
            thesis,
            host.platform().id(),
            host.userId(),
            host.displayName(),
            label,
            clock.instant());
  }

  private void show(List<PollRow> polls) {
    for (PollRow poll : polls) {
      PollPublisher publisher = publishers.get(Platform.ofId(poll.platform()));
      if (publisher == null || poll.message().isEmpty()) {
        continue;
      }
      try {
        messageLocks.edit(
            poll.id(), () -> publisher.showEdited(poll.message().get(), views.of(poll.id())));
      } catch (RuntimeException e) {
        LOG.warn(
            "Could not show poll {} in its after round; it takes votes all the same", poll.id(), e);
      }
    }
  }
}
