package io.pollcast.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.pollcast.LogCapture;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Thesis;
import io.pollcast.feed.ItemPlan.Outcome;
import io.pollcast.poll.ImportReport;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.RecordingPublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot following a podcast's feed served from this machine. Each test calls the check itself, as
 * the feed watcher's thread would every interval.
 */
final class FeedFollowTest {
  private static final String AUTO_START =
      "pollcast.feed { auto-start = true, channels = [\"console:console\"] }";
  private static final String NOTIFY = "pollcast.feed.notify = [\"console:console\"]";

  @TempDir Path dir;
  private FeedServer server;
  private final RecordingPublisher console = new RecordingPublisher();

  @BeforeEach
  void serve() throws Exception {
    server = new FeedServer().serve(Feeds.rss(Feeds.NOTES_69));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName(
      "A new episode is imported and, with auto-start, its polls posted once, also after a restart")
  void newEpisodeIsImportedAndStartedOnce() throws Exception {
    FeedCheck check;
    try (Pollcast pollcast = open(AUTO_START, console)) {
      check = pollcast.feed().orElseThrow().runOnce().orElseThrow();
      pollcast.feed().orElseThrow().runOnce();
    }
    try (Pollcast restarted = open(AUTO_START, console)) {
      restarted.feed().orElseThrow().runOnce();
    }

    assertThat(check.items())
        .extracting(i -> i.plan().outcome())
        .containsExactly(Outcome.NEW, Outcome.NEW, Outcome.NO_NUMBER);
    assertThat(console.posted)
        .as("episode 69's three theses, once; episode 68 is older and is only imported")
        .extracting(p -> p.info().reference())
        .containsExactly("69.1", "69.2", "69.3");
    try (Pollcast pollcast = open(AUTO_START, console)) {
      assertThat(pollcast.service().theses(69))
          .extracting(Thesis::text)
          .containsExactly(
              "Een slimme stad is een gesurveilleerde stad",
              "Gemeenten moeten hun algoritmes openbaar maken",
              "Over tien jaar rijdt er geen auto meer in de binnenstad");
      assertThat(pollcast.service().theses(69).get(0).context())
          .isEqualTo("Sensoren tellen alles:\n\n- verkeer\n- geluid\n- wifi-signalen");
      assertThat(pollcast.service().theses(68)).hasSize(2);
    }
  }

  @Test
  @DisplayName("Polls waiting for a platform this process lacks are posted by the next that has it")
  void startWaitsForItsPlatform() throws Exception {
    try (Pollcast withoutConsole = open(AUTO_START, null)) {
      withoutConsole.feed().orElseThrow().runOnce();
    }
    try (Pollcast withConsole = open(AUTO_START, console)) {
      withConsole.feed().orElseThrow().runOnce();
      withConsole.feed().orElseThrow().runOnce();
    }

    assertThat(console.posted).hasSize(3);
  }

  @Test
  void withoutAutoStartTheHostsAreToldOnce() throws Exception {
    try (Pollcast pollcast = open(NOTIFY, console)) {
      pollcast.feed().orElseThrow().runOnce();
      server.serve(Feeds.rss(Feeds.NOTES_69 + "<p>Met dank aan onze luisteraars.</p>"));
      pollcast.feed().orElseThrow().runOnce();
    }

    assertThat(console.posted).isEmpty();
    assertThat(console.told)
        .containsExactly(
            "console:console Aflevering 69 is binnen met 3 stellingen: /poll start 69");
  }

  @Test
  @DisplayName("A feed that did not change costs one 304 answer and no work")
  void unchangedFeedCostsNoWork() throws Exception {
    try (Pollcast pollcast = open(AUTO_START, console)) {
      pollcast.feed().orElseThrow().runOnce();
      FeedCheck second = pollcast.feed().orElseThrow().runOnce().orElseThrow();

      assertThat(second.modified()).isFalse();
      assertThat(second.items()).isEmpty();
    }
    assertThat(server.conditions).containsExactly("-", "\"v1\"");
    assertThat(server.bodiesSent).isEqualTo(1);
  }

  @Test
  void changedNotesUpdateTheEpisodeAndItsPostedPolls() throws Exception {
    try (Pollcast pollcast = open(AUTO_START, console)) {
      pollcast.feed().orElseThrow().runOnce();
      server.serve(
          Feeds.rss(
              Feeds.NOTES_69.replace(
                  "algoritmes openbaar maken", "algoritmes en hun data openbaar maken")));

      FeedCheck check = pollcast.feed().orElseThrow().runOnce().orElseThrow();
      FeedCheck again = pollcast.feed().orElseThrow().runOnce().orElseThrow();

      assertThat(check.items())
          .extracting(i -> i.plan().outcome())
          .containsExactly(Outcome.CHANGED, Outcome.UNCHANGED, Outcome.NO_NUMBER);
      ImportReport report = check.imported().get(0);
      assertThat(report.created()).isFalse();
      assertThat(report.edited()).extracting(p -> p.reference()).containsExactly("69.2");
      assertThat(pollcast.service().theses(69).get(1).text())
          .isEqualTo("Gemeenten moeten hun algoritmes en hun data openbaar maken");
      assertThat(again.modified()).isFalse();
    }
    assertThat(console.posted).hasSize(3);
  }

  @Test
  void notesThatCannotBeReadChangeNothingAndAreReportedOnce() throws Exception {
    server.serve(Feeds.rss(Feeds.NOTES_69.replace("Stelling 3:", "Stelling C:")));
    try (LogCapture log = LogCapture.open();
        Pollcast pollcast = open(AUTO_START, console)) {
      FeedCheck check = pollcast.feed().orElseThrow().runOnce().orElseThrow();
      server.serve(Feeds.rss(Feeds.NOTES_69.replace("Stelling 3:", "Stelling C:")));
      pollcast.feed().orElseThrow().runOnce();

      assertThat(check.items().get(0).plan().outcome()).isEqualTo(Outcome.INVALID);
      assertThat(pollcast.service().episodes()).extracting(e -> e.number()).containsExactly(68);
      assertThat(log.lines())
          .filteredOn(line -> line.contains("Slimme steden"))
          .hasSize(1)
          .allSatisfy(line -> assertThat(line).contains("Stelling C"));
    }
    assertThat(console.posted).isEmpty();
  }

  private Pollcast open(String hocon, PollPublisher publisher) {
    var env = TestSettings.fileEnv(dir);
    env.put("CONFIG_FORCE_pollcast_feed_url", server.url());
    var config = ConfigLoader.load(ConfigFactory.parseString(hocon), env);
    Map<Platform, PollPublisher> publishers =
        publisher == null ? Map.of() : Map.of(Platform.CONSOLE, publisher);
    return Pollcast.open(config, TestSettings.key(), Clock.systemUTC(), publishers);
  }
}
