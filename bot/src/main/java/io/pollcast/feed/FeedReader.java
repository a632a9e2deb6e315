package io.pollcast.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdom2.Element;

/**
 * Reads an RSS 2.0 or Atom feed with Rome into {@link FeedItem}s, in the feed's order. The notes of
 * an item are its full content ({@code content:encoded}, Atom {@code content}) when it has one,
 * else its description ({@code description}, Atom {@code summary}), else {@code itunes:summary}, as
 * plain text. Document type declarations are refused. Instances hold no state.
 */
final class FeedReader {

  /** A feed's title and items. */
  record Feed(String title, List<FeedItem> items) {
    Feed {
      items = List.copyOf(items);
    }
  }

  Feed read(byte[] bytes) throws FeedProblem {
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(bytes), true)) {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(reader);
    } catch (IOException | FeedException | IllegalArgumentException e) {
      throw new FeedProblem(
          FeedProblem.Kind.NOT_A_FEED, 0, "not an RSS or Atom feed: " + e.getMessage(), e);
    }
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      items.add(item(entry));
    }
    return new Feed(text(feed.getTitle()), items);
  }

  private static FeedItem item(SyndEntry entry) {
    String title = text(entry.getTitle()).strip();
    Optional<Integer> episode =
        tag(entry, EpisodeNumbers.ITUNES, "episode")
            .or(() -> tag(entry, EpisodeNumbers.PODCAST, "episode"))
            .flatMap(EpisodeNumbers::ofTag)
            .or(() -> EpisodeNumbers.ofTitle(title));
    Optional<Instant> published =
        Optional.ofNullable(entry.getPublishedDate())
            .or(() -> Optional.ofNullable(entry.getUpdatedDate()))
            .map(Date::toInstant);
    return new FeedItem(title, episode, published, HtmlText.of(notes(entry)));
  }

  private static String notes(SyndEntry entry) {
    String content =
        entry.getContents().stream()
            .map(SyndContent::getValue)
            .filter(v -> v != null && !v.isBlank())
            .collect(Collectors.joining("\n"));
    if (!content.isBlank()) {
      return content;
    }
    SyndContent description = entry.getDescription();
    if (description != null && description.getValue() != null) {
      return description.getValue();
    }
    return tag(entry, EpisodeNumbers.ITUNES, "summary").orElse("");
  }

  /** The text of an element Rome keeps as foreign markup, such as {@code itunes:episode}. */
  private static Optional<String> tag(SyndEntry entry, String namespace, String name) {
    for (Element element : entry.getForeignMarkup()) {
      if (namespace.equals(element.getNamespaceURI()) && name.equals(element.getName())) {
        return Optional.of(element.getText());
      }
    }
    return Optional.empty();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
