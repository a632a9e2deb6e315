package io.pollcast.feed;

import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollService;
import io.pollcast.poll.StartReport;
import io.pollcast.storage.Database;
import io.pollcast.storage.FeedAction;
import io.pollcast.text.Messages;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out what new episodes from the feed ask for, as recorded in the database: posts their
 * polls in a channel, or tells the hosts there that the episode is in. Each is marked done once
 * carried out, so it happens once, also across restarts; starting polls that are open in a channel
 * already posts nothing, so a crash between posting and marking posts nothing twice. An action on a
 * platform this process is not connected to waits for a process that is; one the platform refused
 * is tried again at the next check.
 */
public final class FeedActions {
  private static final Logger LOG = LoggerFactory.getLogger(FeedActions.class);
  private final PollService service;
  private final Database db;
  private final Map<Platform, PollPublisher> publishers;
  private final Messages messages;
  private final Clock clock;
  private final Set<FeedAction> warned = new HashSet<>();

  public FeedActions(
      PollService service,
      Database db,
      Map<Platform, PollPublisher> publishers,
      Messages messages,
      Clock clock) {
    this.service = service;
    this.db = db;
    this.publishers = Map.copyOf(publishers);
    this.messages = messages;
    this.clock = clock;
  }

  /** Carries out every pending action that this process can. */
  public synchronized void carryOut() {
    for (FeedAction action : db.feed().pending()) {
      Platform platform = Platform.ofId(action.platform());
      PollPublisher publisher = publishers.get(platform);
      if (publisher == null) {
        warnOnce(action, "Feed: {} is not connected here; episode {} waits there for its {}", "");
        continue;
      }
      Place place = new Place(platform, action.channel());
      try {
        if (FeedAction.START.equals(action.action())) {
          StartReport report =
              service.start(FeedFollower.FEED, place, action.episodeNumber(), Optional.empty());
          LOG.info(
              "Feed: episode {} started in {}: {} polls posted",
              action.episodeNumber(),
              place.platform().id() + ":" + place.channel(),
              report.posted().size());
        } else {
          int theses = service.theses(action.episodeNumber()).size();
          publisher.tell(
              place,
              messages.get(
                  "feed.arrived",
                  String.valueOf(action.episodeNumber()),
                  theses,
                  String.valueOf(theses)));
        }
      } catch (RefusedException e) {
        // the episode's own rule refuses it (say, a closing time in the past): trying again is
        // no use, the hosts start it by hand
        LOG.warn(
            "Feed: episode {} could not be started in {}: {}",
            action.episodeNumber(),
            place,
            e.getMessage());
      } catch (RuntimeException e) {
        warnOnce(action, "Feed: {} refused episode {} ({}); tried again at the next check", e);
        continue;
      }
      db.feed().done(action, clock.instant().atOffset(ZoneOffset.UTC));
      warned.remove(action);
    }
  }

  private void warnOnce(FeedAction action, String message, Object detail) {
    if (warned.add(action)) {
      LOG.warn(
          message,
          action.platform() + ":" + action.channel(),
          action.episodeNumber(),
          detail instanceof Throwable t ? t.toString() : action.action());
    }
  }
}
