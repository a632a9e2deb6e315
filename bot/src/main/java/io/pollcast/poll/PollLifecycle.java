package io.pollcast.poll;

import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.storage.Database;
import io.pollcast.storage.EpisodeRow;
import io.pollcast.storage.PollRow;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's close and reopen, for {@link PollService}: closing queues the announcements in its own
 * transaction and then has them delivered; reopening shows the polls open again. Thread-safe.
 */
public final class PollLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PollLifecycle.class);
  private final Database db;
  private final Map<Platform, PollPublisher> publishers;
  private final PollViews views;
  private final ResultsQuery results;
  private final AnnouncementDeliverer announcer;
  private final Clock clock;

  public PollLifecycle(
      Database db,
      Map<Platform, PollPublisher> publishers,
      PollViews views,
      ResultsQuery results,
      AnnouncementDeliverer announcer,
      Clock clock) {
    this.db = db;
    this.publishers = Map.copyOf(publishers);
    this.views = views;
    this.results = results;
    this.announcer = announcer;
    this.clock = clock;
  }

  CloseReport close(EpisodeRow episode) {
    List<PollRow> closed = db.closing().closeEpisode(episode.number(), clock.instant());
    if (closed.isEmpty()) {
      throw new RefusedException(
          anyPolls(episode) ? "close.already" : "close.none", episode.number());
    }
    try {
      announcer.deliverPending();
    } catch (RuntimeException e) {
      // The close is committed and its announcements are in the outbox: the scheduler delivers
      // them.
      LOG.error("Closed episode {}; its announcements are posted later", episode.number(), e);
    }
    boolean announced =
        !db.announcements().anyUndelivered(closed.stream().map(PollRow::id).toList());
    return new CloseReport(results.of(episode), closed.size(), announced);
  }

  ReopenReport reopen(EpisodeRow episode, Optional<Instant> closesAt) {
    List<PollRow> reopened = db.closing().reopen(episode.number(), closesAt);
    if (reopened.isEmpty()) {
      throw new RefusedException(
          anyPolls(episode) ? "reopen.open" : "close.none", episode.number());
    }
    for (PollRow poll : reopened) {
      PollPublisher publisher = publishers.get(Platform.ofId(poll.platform()));
      if (publisher != null && poll.message().isPresent()) {
        try {
          publisher.showReopened(poll.message().get(), views.of(poll.id()));
        } catch (RuntimeException e) {
          LOG.warn(
              "Could not show poll {} as open again; it takes votes all the same", poll.id(), e);
        }
      }
    }
    return new ReopenReport(episode.number(), reopened.size(), closesAt);
  }

  private boolean anyPolls(EpisodeRow episode) {
    return !db.polls().ofEpisode(episode.number()).isEmpty();
  }
}
