package io.pollcast.poll;

import io.pollcast.domain.Place;
import io.pollcast.domain.PollInfo;
import io.pollcast.storage.Database;
import io.pollcast.storage.NewPoll;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.ThesisRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Posts an episode's theses as polls in one place: opens a poll for each thesis that has none there
 * yet (options and zeroed counters in one transaction), posts its message and records the message's
 * id. Theses already open or closed there are reported and left alone; a poll whose message failed
 * to post earlier is posted again. Role checks are the caller's. Thread-safe.
 */
final class PollPoster {
  private final Database db;
  private final PollViews views;
  private final Clock clock;

  PollPoster(Database db, PollViews views, Clock clock) {
    this.db = db;
    this.views = views;
    this.clock = clock;
  }

  StartReport post(
      Place place,
      PollPublisher publisher,
      int episode,
      List<String> options,
      Optional<Instant> closesAt,
      Debate debate) {
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
                .orElseGet(() -> open(place, episode, thesis.number(), options, closesAt, debate));
        PollView view = views.of(pollId);
        db.polls().attachMessage(pollId, publisher.post(place, view));
        posted.add(view.info());
      }
    }
    return new StartReport(
        episode, posted, alreadyOpen, alreadyClosed, closesAt, debate.on(), debate.afterAt());
  }

  private long open(
      Place place,
      int episode,
      int thesis,
      List<String> options,
      Optional<Instant> closesAt,
      Debate debate) {
    return db.polls()
        .open(
            new NewPoll(
                episode,
                thesis,
                place.platform().id(),
                place.channel(),
                options,
                clock.instant(),
                closesAt,
                debate.on(),
                debate.afterAt()));
  }

  /**
   * Whether new polls are a debate, and when their after round opens by itself.
   *
   * @param on whether they are a debate
   * @param afterAt when the after round opens, if scheduled; empty when not a debate
   */
  record Debate(boolean on, Optional<Instant> afterAt) {
    static final Debate NONE = new Debate(false, Optional.empty());
  }
}
