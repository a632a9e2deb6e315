package io.pollcast.feed;

import io.pollcast.poll.ImportReport;
import java.util.List;
import java.util.Optional;

/**
 * What one check of the feed found and did.
 *
 * @param modified false when the feed answered that nothing changed (HTTP 304): nothing was read
 * @param title the feed's title (empty when not modified)
 * @param items each item with what became of it, in the feed's order
 */
public record FeedCheck(boolean modified, String title, List<Item> items) {
  public FeedCheck {
    items = List.copyOf(items);
  }

  static FeedCheck notModified() {
    return new FeedCheck(false, "", List.of());
  }

  /**
   * One item of the check.
   *
   * @param plan what the check meant to do with it
   * @param report what importing it did (or would do, on a preview), when it was imported
   * @param refusal why the import was refused, in the configured language, when it was
   */
  public record Item(ItemPlan plan, Optional<ImportReport> report, Optional<String> refusal) {}

  /** The items imported (or that would be, on a preview), in the feed's order. */
  public List<ImportReport> imported() {
    return items.stream().flatMap(i -> i.report().stream()).toList();
  }
}
