package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeInteraction;
import io.pollcast.discord.fake.FakeMember;
import io.pollcast.discord.fake.FakeMessage;
import io.pollcast.discord.fake.InteractionCallback;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.ThesisResult;
import io.pollcast.text.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A burst of 1,000 clicks on the three polls of episode 68, with live results on: every click is
 * answered exactly once with what happened to that click, every vote counts, and the poll messages
 * are edited at most about once a second, however many votes arrive.
 */
final class DiscordVoteBurstTest {
  private static final Logger LOG = LoggerFactory.getLogger(DiscordVoteBurstTest.class);
  private static final int VOTERS = 250;
  private static final int CLICKS = 1_000;
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String HOST_ROLE_ID = "1200000000000000001";

  private static FakeGuild guild;
  private static DiscordTestBot bot;
  private static FakeDiscord discord;

  @BeforeAll
  static void connect() throws Exception {
    FakeGuild.Builder builder = FakeGuild.builder().role("Showrunner", HOST_ROLE_ID);
    builder.member("hana", "Showrunner");
    for (int i = 0; i < VOTERS; i++) {
      builder.member("voter" + i);
    }
    guild = builder.build();
    // Discord's 3 s deadline is relaxed: on a busy 2-core build machine, how fast a thousand
    // answers reach the fake says little about the bot. The latency is logged.
    bot =
        DiscordTestBot.start(
            guild,
            Duration.ofSeconds(30),
            Map.of(
                "CONFIG_FORCE_pollcast_polls_live__results",
                "true",
                "CONFIG_FORCE_pollcast_discord_host__roles_0",
                HOST_ROLE_ID));
    discord = bot.discord;
  }

  @AfterAll
  static void disconnect() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  @DisplayName("1,000 clicks: each answered once and counted, live counts coalesced")
  void burstOfClicksIsCountedAndAnsweredOnce() {
    FakeInteraction start =
        discord.slashCommand(guild.member("hana"), "poll", "start", Map.of("episode", 68));
    assertThat(discord.awaitAnswer(start, WAIT).content())
        .isEqualTo(bot.messages().get("start.posted", "68", 3));
    Place channel = new Place(Platform.DISCORD, guild.channelId());
    List<PollInfo> polls =
        IntStream.rangeClosed(1, 3)
            .mapToObj(n -> bot.pollcast.service().pollIn(channel, 68, n).orElseThrow())
            .toList();
    List<FakeMessage> messages = pollMessages(polls);

    // Each voter clicks four times, on polls 1, 2, 3 and 1 again, choosing at random.
    Random random = new Random(68);
    List<Click> clicks = new ArrayList<>();
    Instant burstStart = Instant.now();
    for (int i = 0; i < CLICKS; i++) {
      FakeMember voter = guild.member("voter" + (i % VOTERS));
      int poll = (i / VOTERS) % 3;
      int option = random.nextInt(2);
      String customId = new PollButtonId(polls.get(poll).pollId(), option).customId();
      FakeInteraction click = discord.clickButton(voter, messages.get(poll).id(), customId);
      clicks.add(new Click(click, voter, poll, option));
    }
    LOG.info(
        "Pushed {} clicks in {} ms",
        CLICKS,
        Duration.between(burstStart, Instant.now()).toMillis());
    discord.await(
        WAIT,
        "an answer to each of " + CLICKS + " clicks",
        () ->
            clicks.stream().allMatch(c -> !discord.callbacksOf(c.interaction()).isEmpty())
                ? Optional.of(true)
                : Optional.empty());
    Instant lastAnswer =
        clicks.stream()
            .map(c -> discord.callbacksOf(c.interaction()).get(0).receivedAt())
            .max(Instant::compareTo)
            .orElseThrow();
    logLatency(clicks);

    // Every click is acknowledged exactly once and told what happened to it, in click order.
    Map<String, Integer> current = new HashMap<>();
    Messages texts = bot.messages();
    for (Click click : clicks) {
      assertThat(discord.callbacksOf(click.interaction()))
          .singleElement()
          .satisfies(
              callback -> {
                assertThat(callback.accepted()).isTrue();
                assertThat(callback.ephemeral()).isTrue();
              });
      String reference = "68." + (click.poll() + 1);
      String label = label(click.option());
      Integer before = current.put(click.voter().id() + "/" + click.poll(), click.option());
      String expected =
          before == null
              ? texts.get("vote.counted", label, reference)
              : before == click.option()
                  ? texts.get("vote.unchanged", label, reference)
                  : texts.get("vote.changed", label(before), label, reference);
      assertThat(discord.awaitAnswer(click.interaction(), WAIT).content()).isEqualTo(expected);
    }

    // The core's tally is the clicks' final state.
    List<List<Integer>> expected = new ArrayList<>();
    for (int poll = 0; poll < 3; poll++) {
      int agree = 0;
      int disagree = 0;
      for (Map.Entry<String, Integer> vote : current.entrySet()) {
        if (vote.getKey().endsWith("/" + poll)) {
          agree += vote.getValue() == 0 ? 1 : 0;
          disagree += vote.getValue() == 1 ? 1 : 0;
        }
      }
      expected.add(List.of(agree, disagree));
    }
    List<ThesisResult> theses = bot.pollcast.service().results(68).theses();
    assertThat(theses)
        .extracting(t -> t.options().stream().map(OptionResult::votes).toList())
        .containsExactlyElementsOf(expected);

    // The messages come to show the final counts, edited about once a second at most.
    for (int poll = 0; poll < 3; poll++) {
      String messageId = messages.get(poll).id();
      List<Integer> counts = expected.get(poll);
      FakeMessage shown =
          discord.await(
              WAIT,
              "poll " + (poll + 1) + " showing " + counts,
              () ->
                  Optional.ofNullable(lastOrNull(discord.editsOf(messageId)))
                      .filter(edit -> counts.equals(fieldCounts(edit))));
      Instant settled = Instant.parse(shown.json().path("edited_timestamp").asText());
      long seconds = Math.max(1, Duration.between(burstStart, settled).toSeconds() + 1);
      int edits = discord.editsOf(messageId).size();
      LOG.info(
          "Poll {}: {} edits in the {} s from the first click to the final counts ({} ms of clicks)",
          poll + 1,
          edits,
          seconds,
          Duration.between(burstStart, lastAnswer).toMillis());
      assertThat(edits).isBetween(1, (int) seconds + 2);
    }
    assertThat(discord.unroutedRequests()).isEmpty();
  }

  private static String label(int option) {
    return option == 0 ? "Eens" : "Oneens";
  }

  private static List<FakeMessage> pollMessages(List<PollInfo> polls) {
    List<FakeMessage> messages = new ArrayList<>();
    for (PollInfo poll : polls) {
      String firstButton = new PollButtonId(poll.pollId(), 0).customId();
      messages.add(
          discord.awaitMessageInChannel(
              WAIT, "poll " + poll.reference(), m -> m.buttonIds().contains(firstButton)));
    }
    return messages;
  }

  private static List<Integer> fieldCounts(FakeMessage message) {
    List<Integer> counts = new ArrayList<>();
    for (JsonNode field : message.embeds().get(0).path("fields")) {
      String value = field.path("value").asText();
      counts.add(Integer.parseInt(value.substring(0, value.indexOf(' '))));
    }
    return counts;
  }

  private static FakeMessage lastOrNull(List<FakeMessage> edits) {
    return edits.isEmpty() ? null : edits.get(edits.size() - 1);
  }

  private static void logLatency(List<Click> clicks) {
    List<Long> millis =
        clicks.stream()
            .map(
                c -> {
                  InteractionCallback first = discord.callbacksOf(c.interaction()).get(0);
                  return Duration.between(c.interaction().createdAt(), first.receivedAt())
                      .toMillis();
                })
            .sorted()
            .toList();
    long deferred =
        clicks.stream()
            .filter(
                c ->
                    discord.callbacksOf(c.interaction()).get(0).type()
                        == InteractionCallback.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE)
            .count();
    LOG.info(
        "Answer latency over {} clicks: median {} ms, 99th percentile {} ms, max {} ms; {} deferred",
        millis.size(),
        millis.get(millis.size() / 2),
        millis.get(millis.size() * 99 / 100),
        millis.get(millis.size() - 1),
        deferred);
  }

  private record Click(FakeInteraction interaction, FakeMember voter, int poll, int option) {}
}
