package io.pollcast.feed;

import io.pollcast.domain.EpisodeDraft;
import io.pollcast.importer.EpisodeFormatException;
import java.util.Optional;

/**
 * What a check does with one item of the feed.
 *
 * @param item the item as read
 * @param outcome what becomes of it
 * @param draft the episode its notes hold, for {@link Outcome#NEW} and {@link Outcome#CHANGED}
 * @param problem why its notes cannot be imported, for {@link Outcome#INVALID}
 * @param notesHash the hash of the notes it would be imported from (empty without a number)
 */
public record ItemPlan(
    FeedItem item,
    Outcome outcome,
    Optional<EpisodeDraft> draft,
    Optional<EpisodeFormatException> problem,
    String notesHash) {

  /** What becomes of an item. */
  public enum Outcome {
    /** Not imported from the feed before: it is imported. */
    NEW,
    /** Imported before from other notes: it is imported again, as a re-import. */
    CHANGED,
    /** Imported before from the same notes: nothing to do. */
    UNCHANGED,
    /** Its notes hold no theses: ignored. */
    NO_THESES,
    /** Neither the feed nor the title gives an episode number: reported and skipped. */
    NO_NUMBER,
    /** An item higher in the feed has the same episode number: skipped. */
    DUPLICATE,
    /** Its notes hold theses that cannot be read: reported, and nothing is changed. */
    INVALID
  }

  /** The episode number, when the item has one. */
  public Optional<Integer> episode() {
    return item.episode();
  }

  /** Whether the check imports it. */
  public boolean imports() {
    return outcome == Outcome.NEW || outcome == Outcome.CHANGED;
  }
}
