package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeInteraction;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.Test;

/** A channel where the bot may not post embeds: the host is told so, and nothing is posted. */
final class DiscordPermissionsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void startNamesThePermissionsTheBotLacks() throws Exception {
    FakeGuild guild =
        FakeGuild.builder()
            .everyonePermissions(
                Permission.getRaw(
                    Permission.VIEW_CHANNEL,
                    Permission.MESSAGE_SEND,
                    Permission.USE_APPLICATION_COMMANDS))
            .role("Host")
            .member("hana", "Host")
            .build();
    try (DiscordTestBot bot =
        DiscordTestBot.start(guild, FakeDiscord.DISCORD_REPLY_DEADLINE, Map.of())) {
      FakeInteraction start =
          bot.discord.slashCommand(guild.member("hana"), "poll", "start", Map.of("episode", 68));

      assertThat(bot.discord.awaitAnswer(start, WAIT).content())
          .isEqualTo(bot.discordTexts().get("missing-permissions", "Embed Links"));
      assertThat(bot.discord.messagesInChannel()).isEmpty();
      assertThat(bot.pollcast.service().episodes().get(0).openPolls()).isZero();
    }
  }
}
