package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.MutableClock;
import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeInteraction;
import io.pollcast.discord.fake.FakeMessage;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Discord failing while a host closes an episode: server errors (HTTP 500, which JDA does not retry
 * itself) and a rate limit (HTTP 429, which JDA waits out) on the edits that disable the polls'
 * buttons and on the post of the results. The announcement outbox retries the whole delivery, edits
 * included, at the times its back-off sets on the core's clock, which the test moves forward.
 */
final class DiscordPlatformFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String EDIT = "channels/{channel}/messages/{message}";
  private static final String POST = "channels/{channel}/messages";

  @Test
  @DisplayName("500s and a 429 during a close: every poll ends closed, the results arrive once")
  void closeRidesOutServerErrorsAndRateLimits() throws Exception {
    FakeGuild guild = FakeGuild.builder().role("Host").member("hana", "Host").member("pat").build();
    // Whole milliseconds: the database keeps microseconds, and a rounded-up time is not yet due.
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    try (DiscordTestBot bot =
        DiscordTestBot.start(guild, FakeDiscord.DISCORD_REPLY_DEADLINE, Map.of(), clock)) {
      FakeDiscord discord = bot.discord;
      FakeInteraction start =
          discord.slashCommand(guild.member("hana"), "poll", "start", Map.of("episode", 68));
      assertThat(discord.awaitAnswer(start, WAIT).content())
          .isEqualTo(bot.messages().get("start.posted", "68", 3));
      List<FakeMessage> polls = pollMessages(bot, guild);
      String vote = new PollButtonId(pollIds(bot, guild).get(0), 0).customId();
      discord.awaitAnswer(discord.clickButton(guild.member("pat"), polls.get(0).id(), vote), WAIT);

      // The first edit is rate-limited once and then fails, as does the second; the third lands.
      // The post of the results fails once, when it is first tried.
      discord.rateLimitRequests("PATCH", EDIT, 1, 1);
      discord.failRequests("PATCH", EDIT, 2, 500);
      discord.failRequests("POST", POST, 1, 500);
      FakeInteraction close =
          discord.slashCommand(guild.member("hana"), "poll", "close", Map.of("episode", 68));

      assertThat(discord.awaitAnswer(close, WAIT).content())
          .isEqualTo(bot.messages().get("close.done-pending", "68", 3));
      assertThat(discord.editsOf(polls.get(0).id())).isEmpty();
      assertThat(discord.editsOf(polls.get(1).id())).isEmpty();
      assertThat(discord.editsOf(polls.get(2).id()))
          .singleElement()
          .satisfies(edit -> assertThat(edit.allButtonsDisabled()).isTrue());
      assertThat(announcements(discord)).isEmpty();
      assertThat(pending(bot)).isEqualTo(1);

      // Not due yet: nothing is tried.
      bot.pollcast.scheduler().runDue();
      assertThat(pending(bot)).isEqualTo(1);

      // 30 s later the edits land; the post of the results fails (its 500).
      clock.advance(Duration.ofSeconds(30));
      bot.pollcast.scheduler().runDue();
      assertThat(polls).allSatisfy(poll -> assertThat(lastEdit(discord, poll)).isTrue());
      assertThat(announcements(discord)).isEmpty();
      assertThat(pending(bot)).isEqualTo(1);

      // 60 s after that, the results are posted, once, and never again.
      clock.advance(Duration.ofSeconds(60));
      bot.pollcast.scheduler().runDue();
      clock.advance(Duration.ofHours(2));
      bot.pollcast.scheduler().runDue();

      assertThat(announcements(discord)).hasSize(1);
      assertThat(pending(bot)).isZero();
      assertThat(polls).allSatisfy(poll -> assertThat(lastEdit(discord, poll)).isTrue());
      String metrics = bot.pollcast.metrics().scrape();
      assertThat(metrics)
          .contains(
              "pollcast_platform_calls_total{call=\"message.edit\",outcome=\"server_error\","
                  + "platform=\"discord\"} 2.0",
              "pollcast_platform_calls_total{call=\"message.post\",outcome=\"server_error\","
                  + "platform=\"discord\"} 1.0",
              "pollcast_platform_rate_limit_waits_total{call=\"message.edit\","
                  + "platform=\"discord\"} 1.0",
              "pollcast_platform_rate_limit_wait_seconds_total{call=\"message.edit\","
                  + "platform=\"discord\"} 1.0",
              "pollcast_announcements_pending 0.0");
      assertThat(discord.unroutedRequests()).isEmpty();
    }
  }

  private static List<Long> pollIds(DiscordTestBot bot, FakeGuild guild) {
    Place channel = new Place(Platform.DISCORD, guild.channelId());
    return IntStream.rangeClosed(1, 3)
        .mapToObj(n -> bot.pollcast.service().pollIn(channel, 68, n).orElseThrow())
        .map(PollInfo::pollId)
        .toList();
  }

  private static List<FakeMessage> pollMessages(DiscordTestBot bot, FakeGuild guild) {
    return pollIds(bot, guild).stream()
        .map(
            id ->
                bot.discord.awaitMessageInChannel(
                    WAIT,
                    "the message of poll " + id,
                    m -> m.buttonIds().contains(new PollButtonId(id, 0).customId())))
        .toList();
  }

  /** Whether the message, as last edited, has every button disabled. */
  private static boolean lastEdit(FakeDiscord discord, FakeMessage poll) {
    List<FakeMessage> edits = discord.editsOf(poll.id());
    return !edits.isEmpty() && edits.get(edits.size() - 1).allButtonsDisabled();
  }

  private static List<FakeMessage> announcements(FakeDiscord discord) {
    return discord.messagesInChannel().stream()
        .filter(
            m ->
                m.embeds().stream()
                    .anyMatch(e -> e.path("title").asText().startsWith("Uitslag aflevering 68")))
        .toList();
  }

  private static long pending(DiscordTestBot bot) {
    return bot.pollcast.database().announcements().countUndelivered();
  }
}
