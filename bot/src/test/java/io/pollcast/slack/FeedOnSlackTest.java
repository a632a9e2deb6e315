package io.pollcast.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.feed.FeedServer;
import io.pollcast.feed.Feeds;
import io.pollcast.slack.fake.SlackMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new episode in the podcast's feed is posted on Slack once, also by a bot restarted on the same
 * database.
 */
final class FeedOnSlackTest {
  private static final String CHANNEL = "C0FEED";

  @Test
  void theNewestEpisodeOfTheFeedIsPostedOnceAcrossARestart() throws Exception {
    try (FeedServer feed = new FeedServer().serve(Feeds.rss(Feeds.NOTES_69));
        SlackHarness bot =
            SlackHarness.httpMode(
                Map.of(
                    "pollcast.feed.url",
                    feed.url(),
                    "pollcast.feed.auto-start",
                    true,
                    "pollcast.feed.channels",
                    List.of("slack:" + CHANNEL)))) {
      bot.pollcast.feed().orElseThrow().runOnce();
      bot.pollcast.feed().orElseThrow().runOnce();

      List<SlackMessage> posted = bot.slack.workspace().messages(CHANNEL);
      assertThat(posted).hasSize(3);
      assertThat(posted.get(0).text()).contains("69.1");
      assertThat(posted.get(2).text()).contains("69.3");

      try (SlackHarness restarted = bot.anotherBot()) {
        restarted.pollcast.feed().orElseThrow().runOnce();
      }
      assertThat(bot.slack.workspace().messages(CHANNEL))
          .as("nothing posted again after the restart")
          .hasSize(3);
    }
  }
}
