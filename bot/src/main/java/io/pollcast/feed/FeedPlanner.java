package io.pollcast.feed;

import io.pollcast.domain.EpisodeDraft;
import io.pollcast.feed.ItemPlan.Outcome;
import io.pollcast.importer.EpisodeFormatException;
import io.pollcast.importer.ShowNotesParser;
import io.pollcast.storage.FeedStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, storing nothing, what becomes of each item of a feed. An item's notes are read by the
 * same {@link ShowNotesParser} as a file, with the episode number and title from the feed in front
 * (so line numbers in messages count those two lines and a blank one). Thread-safe.
 */
final class FeedPlanner {
  /** "Aflevering 69: ", "#69 - ", "69. " in front of a title: the number is said already. */
  private static final Pattern NUMBER_PREFIX =
      Pattern.compile(
          "(?iu)^\\s*(?:(?:aflevering|afl\\.?|episode|ep\\.?)\\s*)?#?\\s*\\d{1,6}\\s*[.:\\-\\u2013\\u2014|]\\s*");

  private static final String NO_THESES = "notes.no-theses";
  private final ShowNotesParser parser = new ShowNotesParser();
  private final FeedStore store;

  FeedPlanner(FeedStore store) {
    this.store = store;
  }

  List<ItemPlan> plan(List<FeedItem> items) {
    List<ItemPlan> plans = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (FeedItem item : items) {
      if (item.episode().isEmpty()) {
        plans.add(plan(item, Outcome.NO_NUMBER, ""));
        continue;
      }
      int number = item.episode().get();
      String notes = notes(number, item);
      String hash = hash(notes);
      EpisodeDraft draft;
      try {
        draft = parser.parse(notes, source(item));
      } catch (EpisodeFormatException e) {
        if (NO_THESES.equals(e.key())) {
          plans.add(plan(item, Outcome.NO_THESES, hash));
        } else {
          plans.add(new ItemPlan(item, Outcome.INVALID, Optional.empty(), Optional.of(e), hash));
        }
        continue;
      }
      if (!seen.add(number)) {
        plans.add(plan(item, Outcome.DUPLICATE, hash));
        continue;
      }
      Optional<String> before = store.notesHash(number);
      Outcome outcome =
          before.isEmpty()
              ? Outcome.NEW
              : before.get().equals(hash) ? Outcome.UNCHANGED : Outcome.CHANGED;
      plans.add(new ItemPlan(item, outcome, Optional.of(draft), Optional.empty(), hash));
    }
    return plans;
  }

  private static ItemPlan plan(FeedItem item, Outcome outcome, String hash) {
    return new ItemPlan(item, outcome, Optional.empty(), Optional.empty(), hash);
  }

  /** The show notes as a host would write them: number, title, then the item's notes. */
  static String notes(int number, FeedItem item) {
    String title = NUMBER_PREFIX.matcher(item.title()).replaceFirst("").strip();
    if (title.isEmpty()) {
      title = item.title().isBlank() ? "Aflevering " + number : item.title().strip();
    }
    return number + "\n" + title + "\n\n" + item.notes();
  }

  private static String source(FeedItem item) {
    return "feed \""
        + (item.title().length() > 60 ? item.title().substring(0, 57) + "..." : item.title())
        + "\"";
  }

  private static String hash(String notes) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(notes.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }
}
