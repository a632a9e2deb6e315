package io.pollcast.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class FeedReaderTest {
  private final FeedReader reader = new FeedReader();

  @Test
  void readsAnRssFeedWithItunesTagsAndHtmlNotes() throws Exception {
    FeedReader.Feed feed = read(Feeds.rss(Feeds.NOTES_69));

    assertThat(feed.title()).isEqualTo("Pillowtalk");
    assertThat(feed.items())
        .extracting(FeedItem::title)
        .containsExactly(
            "Slimme steden", "Aflevering 68: Personalisatie, profiling en privacy", "Trailer");
    FeedItem first = feed.items().get(0);
    assertThat(first.episode()).contains(69);
    assertThat(first.published()).contains(Instant.parse("2026-12-06T05:00:00Z"));
    assertThat(first.notes())
        .isEqualTo(
            """
            Deze week over slimme steden. Met Milan en Sanne.

            Stelling 1: Een slimme stad is een gesurveilleerde stad

            Sensoren tellen alles:

            - verkeer
            - geluid
            - wifi-signalen

            Stelling 2: Gemeenten moeten hun algoritmes openbaar maken

            Amsterdam heeft een algoritmeregister.

            Stelling 3: Over tien jaar rijdt er geen auto meer in de binnenstad

            Links

            - Algoritmeregister""");
    assertThat(feed.items().get(1).episode()).as("from the title").contains(68);
    assertThat(feed.items().get(1).notes())
        .as("content:encoded before the description")
        .startsWith("Stelling 1: Bedrijven");
    assertThat(feed.items().get(2).episode()).isEmpty();
  }

  @Test
  void readsThePodcastingTwoEpisodeNumberAndPlainTextNotes() throws Exception {
    FeedItem item = read(Feeds.PODCASTING_2).items().get(0);

    assertThat(item.episode()).contains(12);
    assertThat(item.notes())
        .startsWith("Thesis 1: Working from home is here to stay\n\nOffices are half empty.");
  }

  @Test
  void readsAnAtomFeed() throws Exception {
    FeedItem item = read(Feeds.ATOM).items().get(0);

    assertThat(item.episode()).contains(70);
    assertThat(item.notes())
        .isEqualTo("Stelling 1: Een vierdaagse werkweek maakt niemand gelukkiger\n\nSluit: 2d");
  }

  @Test
  void titlesNameTheEpisodeInTheWaysPodcastsWriteIt() {
    assertThat(EpisodeNumbers.ofTitle("Pillowtalk #68: privacy")).contains(68);
    assertThat(EpisodeNumbers.ofTitle("Aflevering 68 - privacy")).contains(68);
    assertThat(EpisodeNumbers.ofTitle("68. Privacy")).contains(68);
    assertThat(EpisodeNumbers.ofTitle("Episode 7: Seven")).contains(7);
    assertThat(EpisodeNumbers.ofTitle("Top 10 privacytips")).isEmpty();
  }

  @Test
  void refusesWhatIsNoFeed() {
    assertThatThrownBy(() -> read("<html><body>Not found</body></html>"))
        .isInstanceOf(FeedProblem.class)
        .extracting(e -> ((FeedProblem) e).kind())
        .isEqualTo(FeedProblem.Kind.NOT_A_FEED);
    assertThatThrownBy(() -> read("{\"items\": []}")).isInstanceOf(FeedProblem.class);
    assertThatThrownBy(
            () ->
                read(
                    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>"))
        .as("document type declarations are refused")
        .isInstanceOf(FeedProblem.class);
  }

  private FeedReader.Feed read(String xml) throws FeedProblem {
    return reader.read(xml.getBytes(StandardCharsets.UTF_8));
  }
}
