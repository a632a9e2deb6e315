package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.TestSettings;
import io.pollcast.feed.FeedServer;
import io.pollcast.feed.Feeds;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pollcast feed check} and {@code pollcast import URL} against a feed on this machine. */
final class FeedCommandsTest {

  @Test
  void feedCheckStoresNothingAndImportUrlImportsOnce(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    try (FeedServer server = new FeedServer().serve(Feeds.rss(Feeds.NOTES_69))) {
      CliRun check = CliRun.of(env, "", "feed", "check", "--url", server.url());
      CliRun nothingStored = CliRun.of(env, "", "episodes");
      CliRun imported = CliRun.of(env, "", "import", server.url());
      CliRun again = CliRun.of(env, "", "import", server.url());

      assertThat(check.exitCode()).isZero();
      assertThat(check.out())
          .contains(
              "Feed \"Pillowtalk\": 3 item(s).",
              "Aflevering 69: nieuw (\"Slimme steden\")",
              "  Stelling 2: Gemeenten moeten hun algoritmes openbaar maken",
              "er is niets opgeslagen (proefimport)",
              "Overgeslagen: geen afleveringsnummer in <itunes:episode> of in de titel"
                  + " (\"Trailer\")");
      assertThat(nothingStored.out()).doesNotContain("Slimme steden");
      assertThat(imported.exitCode()).isZero();
      assertThat(imported.out()).contains("Aflevering 69 \"Slimme steden\" ge\u00efmporteerd");
      assertThat(again.out())
          .contains("Aflevering 69: al ge\u00efmporteerd, ongewijzigd (\"Slimme steden\")");
    }
  }

  @Test
  void feedCheckReadsPodcastingTwoAndAtomFeedsInEnglish(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    env.put("CONFIG_FORCE_pollcast_language", "en");
    try (FeedServer podcasting = new FeedServer().serve(Feeds.PODCASTING_2);
        FeedServer atom = new FeedServer().serve(Feeds.ATOM)) {
      CliRun p2 = CliRun.of(env, "", "feed", "check", "--url", podcasting.url());
      env.put("CONFIG_FORCE_pollcast_feed_url", atom.url());
      CliRun a = CliRun.of(env, "", "feed", "check");

      assertThat(p2.out())
          .contains(
              "Episode 12: new (\"Over thuiswerken\")",
              "Thesis 2: Managers should trust their teams",
              "Agree / Disagree / Not sure");
      assertThat(a.out()).contains("Episode 70: new (\"#70 Vier dagen werken\")", "2d");
    }
  }

  @Test
  void aFeedThatCannotBeReadIsBadInput(@TempDir Path dir) throws Exception {
    Map<String, String> env = TestSettings.fileEnv(dir);
    try (FeedServer server = new FeedServer()) {
      server.fail(404);
      CliRun check = CliRun.of(env, "", "feed", "check", "--url", server.url());
      CliRun noFeed = CliRun.of(env, "", "feed", "check");

      assertThat(check.exitCode()).isEqualTo(2);
      assertThat(check.err()).contains("answered HTTP 404");
      assertThat(noFeed.exitCode()).isEqualTo(2);
      assertThat(noFeed.err()).contains("pollcast.feed.url");
    }
  }
}
