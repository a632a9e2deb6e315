package io.pollcast.poll;

import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.privacy.VoterKeyGuard;
import io.pollcast.storage.Database;
import io.pollcast.storage.NewPoll;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.ThesisRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts an episode's theses as polls in one place: opens a poll for each thesis that has none there
 * yet (options and zeroed counters in one transaction), posts its message and records the message's
 * id. Theses already open or closed there are reported and left alone; a poll whose message failed
 * to post earlier is posted again. Role checks are the caller's. Thread-safe.
 */
public final class PollPoster {
  private final Database db;
  private final Map<Platform, PollPublisher> publishers;
  private final PollViews views;
  private final VoterKeyGuard keyGuard;
  private final Clock clock;

  /**
   * @param publishers one per platform connected here; a place elsewhere is refused
   * @param keyGuard records or checks the voter key before any poll opens
   */
  public PollPoster(
      Database db,
      Map<Platform, PollPublisher> publishers,
      PollViews views,
      VoterKeyGuard keyGuard,
      Clock clock) {
    this.db = db;
    this.publishers = Map.copyOf(publishers);
    this.views = views;
    this.keyGuard = keyGuard;
    this.clock = clock;
  }

  StartReport post(Place place, int episode, List<String> options, Optional<Instant> closesAt) {
    PollPublisher publisher = publishers.get(place.platform());
    if (publisher == null) {
      throw new RefusedException("platform.unavailable", place.platform().id());
    }
    keyGuard.beforeOpeningPolls();
    List<PollInfo> posted = new ArrayList<>();
    List<Integer> alreadyOpen = new ArrayList<>();
    List<Integer> alreadyClosed = new ArrayList<>();
    for (ThesisRow thesis : db.episodes().theses(episode)) {
      Optional<PollRow> existing =
          db.polls().findInPlace(episode, thesis.number(), place.platform().id(), place.channel());
      if (existing.isPresent() && !existing.get().isOpen()) {
        alreadyClosed.add(thesis.number());
      } else if (existing.isPresent() && existing.get().message().isPresent()) {
        alreadyOpen.add(thesis.number());
      } else {
        long pollId =
            existing
                .map(PollRow::id)
                .orElseGet(() -> open(place, episode, thesis.number(), options, closesAt));
        PollView view = views.of(pollId);
        db.polls().attachMessage(pollId, publisher.post(place, view));
        posted.add(view.info());
      }
    }
    return new StartReport(episode, posted, alreadyOpen, alreadyClosed, closesAt);
  }

  private long open(
      Place place, int episode, int thesis, List<String> options, Optional<Instant> closesAt) {
    return db.polls()
        .open(
            new NewPoll(
                episode,
                thesis,
                place.platform().id(),
                place.channel(),
                options,
                clock.instant(),
                closesAt));
  }
}
