package io.pollcast.feed;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item (episode) of a feed as read, before its notes are parsed.
 *
 * @param title the item's title, possibly empty
 * @param episode the episode number the feed gives ({@code itunes:episode} or {@code
 *     podcast:episode}), or else the one the title names, if any
 * @param published when it was published, if the feed says
 * @param notes the show notes as plain text: paragraphs and list items on lines of their own
 */
public record FeedItem(
    String title, Optional<Integer> episode, Optional<Instant> published, String notes) {
  public FeedItem {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(episode, "episode");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(notes, "notes");
  }
}
