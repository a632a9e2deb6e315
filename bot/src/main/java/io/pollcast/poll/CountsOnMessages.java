package io.pollcast.poll;

import io.pollcast.domain.Platform;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.PollStore;
import java.util.Map;

/**
 * Shows a poll's running counts on its message, for {@link LiveCounts}. The poll's state is read
 * under its message lock, so a refresh never brings back the buttons of a poll that closed
 * meanwhile. Thread-safe.
 */
public final class CountsOnMessages {
  private final PollStore polls;
  private final Map<Platform, PollPublisher> publishers;
  private final PollViews views;
  private final PollMessageLocks messageLocks;

  public CountsOnMessages(
      PollStore polls,
      Map<Platform, PollPublisher> publishers,
      PollViews views,
      PollMessageLocks messageLocks) {
    this.polls = polls;
    this.publishers = Map.copyOf(publishers);
    this.views = views;
    this.messageLocks = messageLocks;
  }

  /** Edits the poll's message to show its counts now, if the poll is open and posted here. */
  public void refresh(long pollId) {
    messageLocks.edit(pollId, () -> showIfOpen(pollId));
  }

  private void showIfOpen(long pollId) {
    PollRow row = polls.find(pollId).orElseThrow();
    if (row.isOpen() && row.message().isPresent()) {
      PollPublisher publisher = publishers.get(Platform.ofId(row.platform()));
      if (publisher != null) {
        publisher.showCounts(row.message().get(), views.of(pollId));
      }
    }
  }
}
