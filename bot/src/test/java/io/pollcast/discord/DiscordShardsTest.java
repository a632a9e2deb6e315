package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeInteraction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code pollcast.discord.shards} set, the bot connects every shard it runs through JDA's
 * shard manager (which asks Discord for {@code gateway/bot}), finds the guild in the shard Discord
 * gives it, and answers each interaction once.
 */
final class DiscordShardsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void aProcessRunningTwoShardsAnswersFromTheShardThatHasTheGuild() throws Exception {
    FakeGuild guild = FakeGuild.builder().member("pat").build();
    try (DiscordTestBot bot =
        DiscordTestBot.start(
            guild, WAIT, Map.of("CONFIG_FORCE_pollcast_discord_shards_total", "2"))) {
      assertThat(bot.discord.identifications()).isEqualTo(2);
      assertThat(bot.discord.requests()).anyMatch(r -> r.matches("GET", "gateway/bot"));

      FakeInteraction episodes =
          bot.discord.slashCommand(guild.member("pat"), "poll", "episodes", Map.of());

      assertThat(bot.discord.awaitAnswer(episodes, WAIT).content())
          .startsWith("Aflevering 68: Personalisatie, profiling en privacy");
      assertThat(bot.discord.callbacksOf(episodes)).hasSize(1);
    }
  }
}
