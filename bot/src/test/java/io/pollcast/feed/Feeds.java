package io.pollcast.feed;

/** Feeds shaped like those real podcast hosts publish. */
public final class Feeds {
  private Feeds() {}

  /** Episode 69's show notes as a host's HTML editor writes them, with three theses. */
  public static final String NOTES_69 =
      """
      <p>Deze week over <strong>slimme steden</strong>. Met Milan en Sanne.</p>
      <p><strong>Stelling 1:</strong> Een slimme stad is een gesurveilleerde stad</p>
      <p>Sensoren tellen alles:</p>
      <ul><li>verkeer</li><li>geluid</li><li>wifi-signalen</li></ul>
      <p><strong>Stelling 2:</strong> Gemeenten moeten hun algoritmes openbaar maken</p>
      <p>Amsterdam heeft een algoritmeregister.</p>
      <p><strong>Stelling 3:</strong> Over tien jaar rijdt er geen auto meer in de binnenstad</p>
      <h3>Links</h3>
      <ul><li><a href="https://example.org/register">Algoritmeregister</a></li></ul>
      """;

  /** An RSS 2.0 feed with iTunes tags: episode 69 (new), 68 and a trailer without theses. */
  public static String rss(String notes69) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
             xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Pillowtalk</title>
            <link>https://example.org/pillowtalk</link>
            <description>Twee vrienden, drie stellingen.</description>
            <itunes:author>Pillowtalk</itunes:author>
            <itunes:category text="Society &amp; Culture"/>
            <item>
              <title>Slimme steden</title>
              <guid isPermaLink="false">pillowtalk-69</guid>
              <pubDate>Sun, 06 Dec 2026 06:00:00 +0100</pubDate>
              <itunes:episode>69</itunes:episode>
              <itunes:episodeType>full</itunes:episodeType>
              <itunes:duration>01:02:03</itunes:duration>
              <enclosure url="https://example.org/69.mp3" length="123456" type="audio/mpeg"/>
              <description><![CDATA[%s]]></description>
            </item>
            <item>
              <title>Aflevering 68: Personalisatie, profiling en privacy</title>
              <guid isPermaLink="false">pillowtalk-68</guid>
              <pubDate>Sun, 29 Nov 2026 06:00:00 +0100</pubDate>
              <enclosure url="https://example.org/68.mp3" length="123456" type="audio/mpeg"/>
              <content:encoded><![CDATA[<p>Stelling 1: Bedrijven die niet aan personalisatie doen, missen de boot</p>
                <p>Stelling 2: Personalisatie gaat altijd ten koste van privacy</p>]]></content:encoded>
              <description>Personalisatie, profiling en privacy.</description>
            </item>
            <item>
              <title>Trailer</title>
              <guid isPermaLink="false">pillowtalk-trailer</guid>
              <pubDate>Sun, 01 Nov 2026 06:00:00 +0100</pubDate>
              <itunes:episodeType>trailer</itunes:episodeType>
              <description><![CDATA[<p>Binnenkort: <em>Pillowtalk</em>.</p>]]></description>
            </item>
          </channel>
        </rss>
        """
        .formatted(notes69);
  }

  /** A Podcasting 2.0 feed: the episode number in {@code podcast:episode}, plain-text notes. */
  public static final String PODCASTING_2 =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"
           xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
        <channel>
          <title>Debatclub</title>
          <podcast:locked>no</podcast:locked>
          <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
          <item>
            <title>Over thuiswerken</title>
            <guid>debatclub-12</guid>
            <pubDate>Mon, 07 Dec 2026 08:00:00 GMT</pubDate>
            <podcast:season>2</podcast:season>
            <podcast:episode>12</podcast:episode>
            <podcast:transcript url="https://example.org/12.vtt" type="text/vtt"/>
            <description>Thesis 1: Working from home is here to stay

      Offices are half empty.

      Thesis 2: Managers should trust their teams
      Options: Agree / Disagree / Not sure</description>
          </item>
        </channel>
      </rss>
      """;

  /** An Atom feed whose entry's title names the episode: "#70". */
  public static final String ATOM =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>Pillowtalk</title>
        <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
        <updated>2026-12-13T06:00:00Z</updated>
        <entry>
          <title>#70 Vier dagen werken</title>
          <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
          <updated>2026-12-13T06:00:00Z</updated>
          <summary type="html">&lt;p&gt;Stelling 1: Een vierdaagse werkweek maakt niemand gelukkiger&lt;/p&gt;&lt;p&gt;Sluit: 2d&lt;/p&gt;</summary>
        </entry>
      </feed>
      """;
}
