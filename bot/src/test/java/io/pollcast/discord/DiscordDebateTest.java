package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeMember;
import io.pollcast.discord.fake.FakeMessage;
import io.pollcast.discord.fake.InteractionCallback;
import io.pollcast.domain.Actor;
import io.pollcast.domain.DebateResult;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Role;
import io.pollcast.domain.ThesisDraft;
import io.pollcast.poll.PollService;
import io.pollcast.text.Messages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A thesis debate on the real JDA against the fake Discord: a host starts a debate, members vote
 * before listening, the host opens the round after, members vote again (or for the first time),
 * hosts take a stance, and the announcement shows both rounds, the shift and the hosts against the
 * listeners.
 */
final class DiscordDebateTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static FakeGuild guild;
  private static DiscordTestBot bot;
  private static FakeDiscord discord;
  private static Messages messages;

  @BeforeAll
  static void connect() throws Exception {
    guild =
        FakeGuild.builder()
            .role("Host")
            .member("hana", "Host")
            .member("pat")
            .member("quinn")
            .member("ravi")
            .member("sam")
            .build();
    bot = DiscordTestBot.start(guild, FakeDiscord.DISCORD_REPLY_DEADLINE, Map.of());
    discord = bot.discord;
    messages = bot.messages();
  }

  @AfterAll
  static void disconnect() {
    if (bot != null) {
      bot.close();
    }
  }

  @AfterEach
  void botCalledOnlyModelledEndpoints() {
    assertThat(discord.unroutedRequests()).isEmpty();
    assertThat(discord.unhandledGatewayMessages()).isEmpty();
  }

  @Test
  void aDebateRunsBeforeAndAfterListeningAndAnnouncesTheShift() {
    Actor host = new Actor(Platform.DISCORD, member("hana").id(), "hana", Set.of(Role.HOST));
    service()
        .importEpisode(
            host,
            new EpisodeDraft(
                80,
                "Debat",
                List.of(new ThesisDraft(1, "Podcasts zijn de nieuwe radio", "")),
                List.of(),
                Optional.empty()));
    assertThat(answer("pat", "start", Map.of("episode", 80, "debate", true)))
        .isEqualTo(messages.get("refused.host"));
    assertThat(answer("hana", "start", Map.of("episode", 80, "after", "gisteren", "debate", true)))
        .isEqualTo(messages.get("command.bad-after", "gisteren"));
    assertThat(answer("hana", "start", Map.of("episode", 80, "debate", true)))
        .contains(messages.get("start.debate", "80"));
    FakeMessage poll =
        discord.awaitMessageInChannel(
            WAIT,
            "the debate poll",
            m -> m.embeds().stream().anyMatch(e -> authorOf(e).startsWith("Stelling 80.1")));
    assertThat(authorOf(poll.embeds().get(0)))
        .isEqualTo("Stelling 80.1 · Ronde: voor (voor het luisteren)");
    String id = String.valueOf(info().pollId());
    String before = messages.get("vote.in-round", messages.get("round.before"));
    String after = messages.get("vote.in-round", messages.get("round.after"));

    // Before: pat Eens, quinn and ravi Oneens.
    assertThat(vote("pat", poll, "poll:" + id + ":0"))
        .isEqualTo(messages.get("vote.counted", "Eens", "80.1") + " " + before);
    vote("quinn", poll, "poll:" + id + ":1");
    vote("ravi", poll, "poll:" + id + ":1");

    assertThat(answer("pat", "after", Map.of("episode", 80)))
        .isEqualTo(messages.get("refused.host"));
    assertThat(answer("hana", "after", Map.of("episode", 80)))
        .isEqualTo(messages.get("after.done", "80", 1));
    assertThat(authorOf(discord.awaitEdits(poll.id(), 1, WAIT).get(0).embeds().get(0)))
        .endsWith("Ronde: na (na het luisteren)");

    // After: quinn comes round, pat stays, sam votes only now and then withdraws; ravi is gone.
    assertThat(vote("quinn", poll, "poll:" + id + ":0"))
        .isEqualTo(messages.get("vote.counted", "Eens", "80.1") + " " + after);
    vote("pat", poll, "poll:" + id + ":0");
    vote("sam", poll, "poll:" + id + ":1");
    assertThat(vote("sam", poll, "unvote:" + id))
        .isEqualTo(messages.get("vote.withdrawn", "Oneens", "80.1") + " " + after);
    assertThat(answer("hana", "stance", Map.of("thesis", "80.1", "option", "oneens")))
        .isEqualTo(messages.get("stance.done", "80.1", "Oneens"));
    assertThat(answer("pat", "stance", Map.of("thesis", "80.1", "option", "Eens")))
        .isEqualTo(messages.get("refused.host"));

    DebateResult debate = service().results(80).theses().get(0).debate().orElseThrow();
    assertThat(debate.before().voters()).isEqualTo(3);
    assertThat(debate.after().voters()).isEqualTo(2);
    assertThat(debate.shift().voters()).isEqualTo(2);

    answer("hana", "close", Map.of("episode", 80));
    FakeMessage announcement =
        discord.awaitMessageInChannel(
            WAIT,
            "the results of episode 80",
            m ->
                m.embeds().stream()
                    .anyMatch(e -> e.path("title").asText().startsWith("Uitslag aflevering 80")));
    assertThat(announcement.embeds().get(0).path("description").asText())
        .contains("Meest van mening veranderd: stelling 80.1 (Eens +50 punten).");
    assertThat(announcement.embeds().get(1).path("description").asText())
        .contains("Voor het luisteren (3 stem(men))", "Na het luisteren (2 stem(men))")
        .contains("Verschuiving bij de 2 leden die in beide rondes stemden: Eens +50, Oneens -50.")
        .contains("De hosts: hana Oneens; de luisteraars: 100% Eens.");
  }

  @Test
  void aMemberGivesAReasonThroughTheFormAndAModeratorFeaturesIt() {
    Actor host = new Actor(Platform.DISCORD, member("hana").id(), "hana", Set.of(Role.HOST));
    service()
        .importEpisode(
            host,
            new EpisodeDraft(
                81,
                "Redenen",
                List.of(new ThesisDraft(1, "Luisteraars weten het beter", "")),
                List.of(),
                Optional.empty()));
    answer("hana", "start", Map.of("episode", 81));
    FakeMessage poll =
        discord.awaitMessageInChannel(
            WAIT,
            "the poll of 81.1",
            m -> m.embeds().stream().anyMatch(e -> authorOf(e).startsWith("Stelling 81.1")));
    String id =
        String.valueOf(
            service()
                .pollIn(new Place(Platform.DISCORD, guild.channelId()), 81, 1)
                .orElseThrow()
                .pollId());

    FakeMessage voted =
        discord.awaitAnswer(discord.clickStale(member("pat"), poll, "poll:" + id + ":0"), WAIT);
    assertThat(voted.buttonIds()).containsExactly("why:" + id);
    InteractionCallback form =
        discord.awaitReply(discord.clickButton(member("pat"), voted.id(), "why:" + id), WAIT);
    assertThat(form.type()).isEqualTo(InteractionCallback.MODAL);
    assertThat(form.data().path("custom_id").asText()).isEqualTo("why:" + id);
    assertThat(form.data().toString()).contains("\"max_length\":280");

    assertThat(why("pat", id, "<@" + member("quinn").id() + "> @everyone weet het"))
        .isEqualTo(messages.get("reason.given", "81.1"));
    assertThat(why("pat", id, "Omdat luisteraars luisteren"))
        .isEqualTo(messages.get("reason.replaced", "81.1"));
    assertThat(why("quinn", id, "Zonder stem")).isEqualTo(messages.get("reason.no-vote", "81.1"));
    vote("quinn", poll, "poll:" + id + ":1");
    why("quinn", id, "Eerst weg");
    assertThat(why("quinn", id, "")).isEqualTo(messages.get("reason.removed", "81.1"));
    long reason = bot.pollcast.reasons().all(81, 1).get(0).id();

    assertThat(answer("pat", "reasons", Map.of("thesis", "81.1")))
        .isEqualTo(messages.get("refused.reasons"));
    assertThat(answer("pat", "feature", Map.of("thesis", "81.1", "reason", "R" + reason)))
        .isEqualTo(messages.get("refused.reasons"));
    assertThat(answer("hana", "reasons", Map.of("thesis", "81.1")))
        .contains("R" + reason, "Omdat luisteraars luisteren");
    assertThat(answer("hana", "feature", Map.of("thesis", "81.1", "reason", "R" + reason)))
        .isEqualTo(messages.get("reason.set.FEATURED", "R" + reason, "81.1"));

    answer("hana", "close", Map.of("episode", 81));
    FakeMessage announcement =
        discord.awaitMessageInChannel(
            WAIT,
            "the results of episode 81",
            m ->
                m.embeds().stream()
                    .anyMatch(e -> e.path("title").asText().startsWith("Uitslag aflevering 81")));
    assertThat(announcement.embeds().get(1).path("description").asText())
        .contains(messages.get("results.featured"), "Omdat luisteraars luisteren")
        .doesNotContain("pat");
  }

  private static String why(String member, String pollId, String text) {
    FakeMessage answer =
        discord.awaitAnswer(
            discord.submitModal(member(member), "why:" + pollId, Map.of(ReasonForms.FIELD, text)),
            WAIT);
    assertThat(answer.ephemeral()).isTrue();
    return answer.content();
  }

  private static String authorOf(com.fasterxml.jackson.databind.JsonNode embed) {
    return embed.path("author").path("name").asText();
  }

  private static PollService service() {
    return bot.pollcast.service();
  }

  private static PollInfo info() {
    return service().pollIn(new Place(Platform.DISCORD, guild.channelId()), 80, 1).orElseThrow();
  }

  private static FakeMember member(String name) {
    return guild.member(name);
  }

  private static String answer(String member, String subcommand, Map<String, Object> options) {
    FakeMessage answer =
        discord.awaitAnswer(
            discord.slashCommand(member(member), "poll", subcommand, options), WAIT);
    assertThat(answer.ephemeral()).isTrue();
    return answer.content();
  }

  private static String vote(String member, FakeMessage poll, String customId) {
    FakeMessage answer =
        discord.awaitAnswer(discord.clickStale(member(member), poll, customId), WAIT);
    assertThat(answer.ephemeral()).isTrue();
    return answer.content();
  }
}
