package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeInteraction;
import io.pollcast.discord.fake.FakeMember;
import io.pollcast.discord.fake.FakeMessage;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.ThesisResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The gateway connection drops in the middle of a burst of clicks. Discord keeps the clicks that
 * happen meanwhile and replays them when JDA resumes the session; every click is answered once and
 * counted once.
 */
final class DiscordGatewayDropTest {
  private static final int VOTERS = 30;
  private static final int CLICKS = 90;
  private static final int DROP_AFTER = 30;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  @DisplayName("a gateway drop mid-burst: JDA resumes, no click lost, none counted twice")
  void burstSurvivesAGatewayDrop() throws Exception {
    FakeGuild.Builder builder = FakeGuild.builder().role("Host").member("hana", "Host");
    IntStream.range(0, VOTERS).forEach(i -> builder.member("voter" + i));
    FakeGuild guild = builder.build();
    // JDA waits a moment before it resumes; the clicks it then gets are answered late, which
    // Discord's 3 s deadline would refuse. How late says nothing about the bot here.
    try (DiscordTestBot bot = DiscordTestBot.start(guild, WAIT, Map.of())) {
      FakeDiscord discord = bot.discord;
      FakeInteraction start =
          discord.slashCommand(guild.member("hana"), "poll", "start", Map.of("episode", 68));
      discord.awaitAnswer(start, WAIT);
      List<PollInfo> polls = polls(bot, guild);
      List<FakeMessage> messages = new ArrayList<>();
      for (PollInfo poll : polls) {
        String first = new PollButtonId(poll.pollId(), 0).customId();
        messages.add(
            discord.awaitMessageInChannel(WAIT, "poll", m -> m.buttonIds().contains(first)));
      }

      // Each voter clicks on polls 1, 2 and 3; a third of the way through, the connection drops.
      List<FakeInteraction> clicks = new ArrayList<>();
      Map<String, Integer> last = new HashMap<>();
      for (int i = 0; i < CLICKS; i++) {
        if (i == DROP_AFTER) {
          discord.dropGateway();
        }
        FakeMember voter = guild.member("voter" + (i % VOTERS));
        int poll = i / VOTERS;
        int option = (i * 7) % 2;
        String customId = new PollButtonId(polls.get(poll).pollId(), option).customId();
        clicks.add(discord.clickButton(voter, messages.get(poll).id(), customId));
        last.put(voter.id() + "/" + poll, option);
      }
      discord.await(
          WAIT,
          "an answer to each of " + CLICKS + " clicks",
          () ->
              clicks.stream().allMatch(c -> !discord.callbacksOf(c).isEmpty())
                  ? Optional.of(true)
                  : Optional.empty());

      assertThat(discord.gatewayResumes()).isEqualTo(1);
      assertThat(discord.gatewayIdentifies()).isEqualTo(1);
      for (FakeInteraction click : clicks) {
        assertThat(discord.callbacksOf(click))
            .singleElement()
            .satisfies(callback -> assertThat(callback.accepted()).isTrue());
        assertThat(discord.awaitAnswer(click, WAIT).content()).startsWith("Je stem telt");
      }
      List<ThesisResult> theses = bot.pollcast.service().results(68).theses();
      for (int poll = 0; poll < 3; poll++) {
        int p = poll;
        long agree =
            last.entrySet().stream()
                .filter(e -> e.getKey().endsWith("/" + p) && e.getValue() == 0)
                .count();
        assertThat(theses.get(poll).options())
            .extracting(OptionResult::votes)
            .containsExactly((int) agree, (int) (VOTERS - agree));
      }
    }
  }

  private static List<PollInfo> polls(DiscordTestBot bot, FakeGuild guild) {
    Place channel = new Place(Platform.DISCORD, guild.channelId());
    return IntStream.rangeClosed(1, 3)
        .mapToObj(n -> bot.pollcast.service().pollIn(channel, 68, n).orElseThrow())
        .toList();
  }
}
