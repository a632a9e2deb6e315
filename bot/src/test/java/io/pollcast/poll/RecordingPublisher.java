package io.pollcast.poll;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A publisher for tests that records what the service asked it to show. */
public final class RecordingPublisher implements PollPublisher {
  /** Polls posted, in order. */
  public final List<PollView> posted = new CopyOnWriteArrayList<>();

  /** Polls shown closed. */
  public final List<PollView> closed = new CopyOnWriteArrayList<>();

  /** Announcements made. */
  public final List<EpisodeResults> announced = new CopyOnWriteArrayList<>();

  /** Live count refreshes. */
  public final List<PollView> counts = new CopyOnWriteArrayList<>();

  /** Announcements with their chart, in order; {@link #announced} has their results. */
  public final List<Announcement> announcements = new CopyOnWriteArrayList<>();

  /** Reminders posted. */
  public final List<Reminder> reminders = new CopyOnWriteArrayList<>();

  /** Notices posted, as "platform:channel text". */
  public final List<String> told = new CopyOnWriteArrayList<>();

  /** Polls shown open again. */
  public final List<PollView> reopened = new CopyOnWriteArrayList<>();

  /** Polls shown again after an edit or a new debate round. */
  public final List<PollView> edited = new CopyOnWriteArrayList<>();

  @Override
  public String post(Place place, PollView poll) {
    posted.add(poll);
    return "message-" + poll.info().pollId();
  }

  @Override
  public void showClosed(String messageId, PollView poll) {
    closed.add(poll);
  }

  @Override
  public void announce(Place place, EpisodeResults results) {
    announced.add(results);
  }

  @Override
  public void announce(Place place, Announcement announcement) {
    announcements.add(announcement);
    announce(place, announcement.results());
  }

  @Override
  public void remind(Place place, Reminder reminder) {
    reminders.add(reminder);
  }

  @Override
  public void tell(Place place, String text) {
    told.add(place.platform().id() + ":" + place.channel() + " " + text);
  }

  @Override
  public void showReopened(String messageId, PollView poll) {
    reopened.add(poll);
  }

  @Override
  public void showEdited(String messageId, PollView poll) {
    edited.add(poll);
  }

  @Override
  public void showCounts(String messageId, PollView poll) {
    counts.add(poll);
  }
}
