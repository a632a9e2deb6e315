package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeMessage;
import io.pollcast.feed.FeedServer;
import io.pollcast.feed.Feeds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new episode in the podcast's feed is posted on Discord once, also after the bot restarts. */
final class FeedOnDiscordTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void theNewestEpisodeOfTheFeedIsPostedOnceAcrossARestart(@TempDir Path dir) throws Exception {
    FakeGuild guild = FakeGuild.builder().role("Host").member("hana", "Host").build();
    try (FeedServer feed = new FeedServer().serve(Feeds.rss(Feeds.NOTES_69))) {
      Map<String, String> env =
          Map.of(
              "CONFIG_FORCE_pollcast_storage_url",
              "jdbc:h2:file:" + dir.resolve("pollcast").toAbsolutePath(),
              "CONFIG_FORCE_pollcast_feed_url",
              feed.url(),
              "CONFIG_FORCE_pollcast_feed_auto__start",
              "true",
              "CONFIG_FORCE_pollcast_feed_channels_0",
              "discord:" + guild.channelId());

      try (DiscordTestBot bot =
          DiscordTestBot.start(guild, FakeDiscord.DISCORD_REPLY_DEADLINE, env)) {
        bot.pollcast.feed().orElseThrow().runOnce();

        List<FakeMessage> posted = awaitPolls(bot.discord, 3);
        assertThat(posted)
            .extracting(m -> m.embeds().get(0).path("author").path("name").asText())
            .containsExactly("Stelling 69.1", "Stelling 69.2", "Stelling 69.3");
        bot.pollcast.feed().orElseThrow().runOnce();
        assertThat(pollsOf69(bot.discord)).hasSize(3);
      }

      try (DiscordTestBot restarted =
          DiscordTestBot.start(guild, FakeDiscord.DISCORD_REPLY_DEADLINE, env)) {
        restarted.pollcast.feed().orElseThrow().runOnce();

        assertThat(pollsOf69(restarted.discord))
            .as("nothing posted again after the restart")
            .isEmpty();
      }
    }
  }

  private static List<FakeMessage> awaitPolls(FakeDiscord discord, int count) {
    return discord.await(
        WAIT,
        count + " poll messages of episode 69",
        () -> {
          List<FakeMessage> polls = pollsOf69(discord);
          return polls.size() >= count ? Optional.of(polls) : Optional.empty();
        });
  }

  private static List<FakeMessage> pollsOf69(FakeDiscord discord) {
    return discord.messagesInChannel().stream()
        .filter(
            m ->
                m.embeds().stream()
                    .anyMatch(
                        e -> e.path("author").path("name").asText().startsWith("Stelling 69.")))
        .toList();
  }
}
