package io.pollcast.poll;

import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.storage.Database;
import io.pollcast.storage.EpisodeRow;
import io.pollcast.storage.PollRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a reminder once per place a configured time before its polls close. A reminder is noted
 * before it is posted, so it is never posted twice; if the process dies in between, that place gets
 * no reminder. Called from the scheduler's thread.
 */
final class Reminders {
  private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);
  private final Database db;
  private final Map<Platform, PollPublisher> publishers;
  private final PollCatalog catalog;
  private final Duration before;

  Reminders(
      Database db, Map<Platform, PollPublisher> publishers, PollCatalog catalog, Duration before) {
    this.db = db;
    this.publishers = Map.copyOf(publishers);
    this.catalog = catalog;
    this.before = before;
  }

  /** Reminds every place whose polls close within the configured time; returns how many. */
  int sendDue(Instant now) {
    Map<List<Object>, List<PollRow>> byPlace = new LinkedHashMap<>();
    for (PollRow poll : db.closing().dueForReminder(now, before)) {
      if (publishers.containsKey(Platform.ofId(poll.platform()))) {
        byPlace
            .computeIfAbsent(
                List.of(poll.episodeNumber(), poll.platform(), poll.channel()),
                k -> new ArrayList<>())
            .add(poll);
      }
    }
    int sent = 0;
    for (List<PollRow> polls : byPlace.values()) {
      if (db.closing().markReminded(polls.stream().map(PollRow::id).toList(), now) > 0) {
        sent += remind(polls) ? 1 : 0;
      }
    }
    return sent;
  }

  private boolean remind(List<PollRow> polls) {
    PollRow first = polls.get(0);
    Place place = new Place(Platform.ofId(first.platform()), first.channel());
    try {
      EpisodeRow episode = db.episodes().find(first.episodeNumber()).orElseThrow();
      List<PollInfo> infos = polls.stream().map(p -> catalog.get(p.id()).orElseThrow()).toList();
      Instant closesAt =
          polls.stream().map(p -> p.closesAt().orElseThrow()).min(Instant::compareTo).orElseThrow();
      publishers
          .get(place.platform())
          .remind(place, new Reminder(episode.number(), episode.title(), closesAt, infos));
      return true;
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not post the reminder for episode {} on {}",
          first.episodeNumber(),
          place.platform().id(),
          e);
      return false;
    }
  }
}
