package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.BotRunner;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeInteraction;
import io.pollcast.storage.Await;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pollcast run} with {@code DISCORD_TOKEN} set: Pollcast runs on Discord, not the console.
 */
final class DiscordRunTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final int AUTHENTICATION_FAILED = 4004;

  @TempDir Path dir;

  @Test
  void aTokenRunsPollcastOnDiscordUntilDiscordEndsTheSession() throws Exception {
    FakeGuild guild = FakeGuild.builder().member("pat").build();
    try (FakeDiscord discord = FakeDiscord.start(guild)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      BotRunner runner = new BotRunner(config(discord, discord.botToken()), Clock.systemUTC());
      CompletableFuture<Void> running =
          CompletableFuture.runAsync(
              () -> {
                try {
                  runner.run(
                      new ByteArrayInputStream(
                          "pat: /poll episodes\n".getBytes(StandardCharsets.UTF_8)),
                      new PrintStream(out, true, StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });

      try {
        discord.await(
            WAIT,
            "/poll to be registered",
            () -> discord.registeredCommands().stream().findFirst());
        FakeInteraction episodes =
            discord.slashCommand(guild.member("pat"), "poll", "episodes", Map.of());
        assertThat(discord.awaitAnswer(episodes, WAIT).content())
            .startsWith("Aflevering 68: Personalisatie, profiling en privacy");
        // the greeting comes once the gateway is up, and Discord may be answered before it is out
        Await.until(
            WAIT,
            () ->
                out.toString(StandardCharsets.UTF_8).contains("Pollcast is on Discord as Pollcast"),
            () -> "the greeting in: " + out.toString(StandardCharsets.UTF_8));
      } finally {
        discord.closeGateway(AUTHENTICATION_FAILED, "Authentication failed.");
      }

      assertThatThrownBy(() -> running.get(WAIT.toSeconds(), TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Discord ended the session: 4004");
      assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("console");
    }
  }

  @Test
  void aWrongTokenStopsStartUpWithAClearMessage() throws Exception {
    try (FakeDiscord discord = FakeDiscord.start(FakeGuild.builder().build())) {
      BotRunner runner = new BotRunner(config(discord, "not-the-token"), Clock.systemUTC());

      assertThatThrownBy(
              () ->
                  runner.run(
                      new ByteArrayInputStream(new byte[0]),
                      new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Discord refused DISCORD_TOKEN")
          .hasMessageNotContaining("not-the-token");
    }
  }

  private PollcastConfig config(FakeDiscord discord, String token) {
    Map<String, String> env = new HashMap<>(TestSettings.fileEnv(dir));
    env.put("DISCORD_TOKEN", token);
    env.put("CONFIG_FORCE_pollcast_discord_rest__url", discord.restBaseUrl());
    env.put("CONFIG_FORCE_pollcast_discord_gateway__url", discord.gatewayUrl());
    return ConfigLoader.load(Optional.empty(), env);
  }
}
