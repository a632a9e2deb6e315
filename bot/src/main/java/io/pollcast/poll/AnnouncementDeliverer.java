package io.pollcast.poll;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.storage.AnnouncementRow;
import io.pollcast.storage.AnnouncementStore;
import io.pollcast.storage.Database;
import io.pollcast.storage.PollRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox of results announcements that every close writes in its own transaction: for
 * each pending entry it shows the closed polls as closed, then posts the results with their chart,
 * and marks the entry done only after the platform accepted the post.
 *
 * <p>Exactly once: an entry is claimed (ATTEMPTING, committed) before the platform is asked, so
 * that no second deliverer takes it; a platform that refuses or fails puts it back to pending for a
 * later retry. The one remaining window is a crash after the platform accepted the post and before
 * the entry is marked done: the entry is then found ATTEMPTING at start-up and delivered again,
 * with {@link Announcement#possiblyDelivered()} and the same {@link Announcement#key()}, so that a
 * platform that can check for an earlier post does not post twice; elsewhere (the console) it is
 * posted a second time.
 *
 * <p>Thread-safe: deliveries run one at a time, on the caller's thread (a host's close command or
 * the scheduler).
 */
public final class AnnouncementDeliverer {
  private static final Logger LOG = LoggerFactory.getLogger(AnnouncementDeliverer.class);
  static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  static final Duration MAX_RETRY = Duration.ofHours(1);

  private final Database db;
  private final AnnouncementStore outbox;
  private final Map<Platform, PollPublisher> publishers;
  private final List<String> platforms;
  private final ResultsQuery results;
  private final PollViews views;
  private final ChartMaker charts;
  private final Clock clock;
  private final PollMessageLocks messageLocks;

  /**
   * Delivers to the given publishers; entries for other platforms wait for a bot that has them.
   *
   * @param messageLocks keep live count refreshes from overtaking the edit that closes a poll
   */
  public AnnouncementDeliverer(
      Database db,
      Map<Platform, PollPublisher> publishers,
      ResultsQuery results,
      PollViews views,
      PollMessageLocks messageLocks,
      ChartMaker charts,
      Clock clock) {
    this.db = db;
    this.outbox = db.announcements();
    this.publishers = publishers.isEmpty() ? Map.of() : new EnumMap<>(publishers);
    this.platforms = this.publishers.keySet().stream().map(Platform::id).toList();
    this.results = results;
    this.views = views;
    this.messageLocks = messageLocks;
    this.charts = charts;
    this.clock = clock;
  }

  /**
   * Makes the entries that a stopped process was delivering pending again. Call once at start-up,
   * before anything is delivered, and run one bot per database: an entry that another running bot
   * is delivering would be posted twice.
   */
  public synchronized int recoverInterrupted() {
    int interrupted = outbox.recoverInterrupted(clock.instant());
    if (interrupted > 0) {
      LOG.warn(
          "{} announcement(s) were being posted when the bot stopped; posting them again where"
              + " the platform cannot tell that they arrived, they may appear twice",
          interrupted);
    }
    return interrupted;
  }

  /** Delivers every pending entry that is due; returns how many the platforms accepted. */
  public synchronized int deliverPending() {
    Map<Integer, Rendered> rendered = new HashMap<>();
    int delivered = 0;
    for (AnnouncementRow entry : outbox.due(clock.instant(), platforms)) {
      if (deliver(entry, rendered)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean deliver(AnnouncementRow entry, Map<Integer, Rendered> rendered) {
    if (!outbox.claim(entry.id(), clock.instant())) {
      return false;
    }
    if (outbox.reopened(entry.id())) {
      outbox.cancelClaimed(entry.id());
      return false;
    }
    Place place = new Place(Platform.ofId(entry.platform()), entry.channel());
    PollPublisher publisher = publishers.get(place.platform());
    int attempt = entry.attempts() + 1;
    try {
      Rendered outcome = rendered.computeIfAbsent(entry.episodeNumber(), this::render);
      for (long pollId : outbox.polls(entry.id())) {
        PollRow poll = db.polls().find(pollId).orElseThrow();
        if (poll.message().isPresent()) {
          messageLocks.edit(
              pollId, () -> publisher.showClosed(poll.message().get(), views.of(pollId)));
        }
      }
      publisher.announce(
          place,
          new Announcement(
              entry.id(), outcome.results(), outcome.chart(), entry.updated(), attempt));
    } catch (RuntimeException e) {
      Instant retryAt = clock.instant().plus(backoff(attempt));
      outbox.markFailed(entry.id(), retryAt, String.valueOf(e));
      LOG.warn(
          "Could not announce the results of episode {} on {}; trying again at {}",
          entry.episodeNumber(),
          place.platform().id(),
          retryAt,
          e);
      return false;
    }
    // A crash here, after the platform accepted and before this commits, is the one window in
    // which an announcement can be posted twice: see the class comment.
    outbox.markDone(entry.id(), clock.instant());
    return true;
  }

  private Rendered render(int episodeNumber) {
    EpisodeResults outcome = results.of(db.episodes().find(episodeNumber).orElseThrow());
    return new Rendered(outcome, charts.render(outcome));
  }

  /** 30 s after the first failure, doubling up to an hour. */
  static Duration backoff(int attempt) {
    Duration wait = FIRST_RETRY;
    for (int i = 1; i < attempt && wait.compareTo(MAX_RETRY) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
  }

  private record Rendered(EpisodeResults results, ChartImage chart) {}
}
