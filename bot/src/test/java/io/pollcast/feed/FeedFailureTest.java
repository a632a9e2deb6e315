package io.pollcast.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import io.pollcast.LogCapture;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.domain.Platform;
import io.pollcast.poll.RecordingPublisher;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A feed that cannot be read: logged once per change of state, tried again at the next check, and
 * nothing imported until it can be read again.
 */
final class FeedFailureTest {

  static Iterable<Arguments> failures() {
    byte[] huge = new byte[FeedFetcher.MAX_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');
    return java.util.List.of(
        Arguments.of("status 404", (Consumer<FeedServer>) s -> s.fail(404)),
        Arguments.of("status 500", (Consumer<FeedServer>) s -> s.fail(500)),
        Arguments.of(
            "not_a_feed",
            (Consumer<FeedServer>)
                s ->
                    s.serve(
                        "<html><body>Onderhoud</body></html>".getBytes(StandardCharsets.UTF_8))),
        Arguments.of("too_large", (Consumer<FeedServer>) s -> s.serve(huge)),
        Arguments.of("unreachable", (Consumer<FeedServer>) FeedServer::close));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aFeedThatCannotBeReadIsLoggedOnceAndTriedAgain(String state, Consumer<FeedServer> failure)
      throws Exception {
    RecordingPublisher console = new RecordingPublisher();
    try (FeedServer server = new FeedServer();
        LogCapture log = LogCapture.open()) {
      failure.accept(server);
      Map<String, String> env = new HashMap<>();
      env.put("CONFIG_FORCE_pollcast_feed_url", server.url());
      try (Pollcast pollcast = open(env, console)) {
        FeedWatcher watcher = pollcast.feed().orElseThrow();

        assertThat(watcher.runOnce()).isEmpty();
        assertThat(watcher.runOnce()).isEmpty();
        assertThat(pollcast.service().episodes()).isEmpty();
        assertThat(console.posted).isEmpty();
        assertThat(log.lines())
            .filteredOn(line -> line.contains("The feed cannot be read"))
            .hasSize(1);

        if (!"unreachable".equals(state)) {
          server.serve(Feeds.rss(Feeds.NOTES_69));
          assertThat(watcher.runOnce()).isPresent();
          assertThat(pollcast.service().episodes()).hasSize(2);
          assertThat(console.posted).hasSize(3);
          assertThat(log.text()).contains("can be read again");
        }
      }
    }
  }

  private static Pollcast open(Map<String, String> env, RecordingPublisher console) {
    Map<String, String> all = new HashMap<>(env);
    all.put(
        "CONFIG_FORCE_pollcast_storage_url",
        "jdbc:h2:mem:feed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    all.put("POLLCAST_VOTER_KEY", TestSettings.VOTER_KEY);
    var config =
        ConfigLoader.load(
            ConfigFactory.parseString(
                "pollcast.feed { auto-start = true, channels = [\"console:console\"] }"),
            all);
    return Pollcast.open(
        config, TestSettings.key(), java.time.Clock.systemUTC(), Map.of(Platform.CONSOLE, console));
  }
}
