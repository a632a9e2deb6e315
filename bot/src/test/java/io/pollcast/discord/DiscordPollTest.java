package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.discord.fake.FakeAttachment;
import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.discord.fake.FakeInteraction;
import io.pollcast.discord.fake.FakeMember;
import io.pollcast.discord.fake.FakeMessage;
import io.pollcast.discord.fake.InteractionCallback;
import io.pollcast.discord.fake.RecordedRequest;
import io.pollcast.domain.Actor;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.domain.ThesisDraft;
import io.pollcast.domain.ThesisResult;
import io.pollcast.poll.PollService;
import io.pollcast.text.Messages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Pollcast on the real JDA against the fake Discord: a host starts the polls of an episode, members
 * vote with buttons, a moderator looks at the tally, the host closes the polls, and hosts import
 * show notes through the form or as a file. Each test uses its own episode.
 */
final class DiscordPollTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private static FakeGuild guild;
  private static DiscordTestBot bot;
  private static FakeDiscord discord;
  private static Messages messages;
  private static Place channel;

  @BeforeAll
  static void connect() throws Exception {
    guild =
        FakeGuild.builder()
            .role("Host")
            .role("Moderator")
            .member("hana", "Host")
            .member("mo", "Moderator")
            .member("pat")
            .member("quinn")
            .member("ravi")
            .member("sam")
            .build();
    bot = DiscordTestBot.start(guild, FakeDiscord.DISCORD_REPLY_DEADLINE, Map.of());
    discord = bot.discord;
    messages = bot.messages();
    channel = new Place(Platform.DISCORD, guild.channelId());
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
  @DisplayName("Start, vote, refuse, tally, close and announce episode 68 through Discord")
  void pollRunsFromStartToClose() {
    assertThat(discord.registeredCommands())
        .singleElement()
        .satisfies(poll -> assertThat(poll.path("name").asText()).isEqualTo("poll"));
    assertThat(answer(member("pat"), "episodes", Map.of()))
        .isEqualTo(bot.pollcast.texts().episodes(service().episodes()));

    // The host starts the polls: three messages, each an embed with two option buttons and one to
    // withdraw a vote.
    InteractionCallback started =
        discord.awaitReply(
            command(member("hana"), "start", Map.of("episode", 68, "closes", "3d")), WAIT);
    assertThat(started.type()).isEqualTo(InteractionCallback.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
    assertThat(started.ephemeral()).isTrue();
    List<FakeMessage> polls = awaitPolls(68, 3);
    List<PollInfo> infos = List.of(poll(68, 1), poll(68, 2), poll(68, 3));
    for (int i = 0; i < 3; i++) {
      FakeMessage message = polls.get(i);
      PollInfo info = infos.get(i);
      JsonNode embed = message.embeds().get(0);
      assertThat(embed.path("author").path("name").asText()).isEqualTo("Stelling 68." + (i + 1));
      assertThat(embed.path("description").asText()).contains("Sluit op <t:").doesNotContain("…");
      assertThat(message.buttons())
          .extracting(b -> b.path("label").asText())
          .containsExactly("Eens", "Oneens", "Stem intrekken");
      assertThat(message.buttonIds())
          .containsExactly(
              "poll:" + info.pollId() + ":0",
              "poll:" + info.pollId() + ":1",
              "unvote:" + info.pollId());
      assertThat(message.allButtonsDisabled()).isFalse();
    }
    assertThat(polls.get(0).embeds().get(0).path("title").asText())
        .isEqualTo("Bedrijven die niet aan personalisatie doen, missen de boot");
    assertThat(polls.get(0).embeds().get(0).path("description").asText())
        .startsWith("De discussie draait om het idee");
    assertThat(postedMessages())
        .allSatisfy(
            post -> assertThat(post.body().path("allowed_mentions").path("parse")).isEmpty());

    // Members vote; one changes their mind, one clicks the same option twice.
    String id1 = String.valueOf(infos.get(0).pollId());
    String id2 = String.valueOf(infos.get(1).pollId());
    String id3 = String.valueOf(infos.get(2).pollId());
    assertVoteAnswer("pat", polls.get(0), "poll:" + id1 + ":0", "vote.counted", "Eens", "68.1");
    assertVoteAnswer("quinn", polls.get(0), "poll:" + id1 + ":1", "vote.counted", "Oneens", "68.1");
    assertVoteAnswer(
        "quinn", polls.get(0), "poll:" + id1 + ":0", "vote.changed", "Oneens", "Eens", "68.1");
    assertVoteAnswer("ravi", polls.get(1), "poll:" + id2 + ":0", "vote.counted", "Eens", "68.2");
    assertVoteAnswer("ravi", polls.get(1), "poll:" + id2 + ":0", "vote.unchanged", "Eens", "68.2");
    assertVoteAnswer("sam", polls.get(2), "poll:" + id3 + ":1", "vote.counted", "Oneens", "68.3");
    assertVoteAnswer("sam", polls.get(2), "unvote:" + id3, "vote.withdrawn", "Oneens", "68.3");
    assertCounts(68, List.of(List.of(2, 0), List.of(1, 0), List.of(0, 0)));
    assertVoteAnswer("sam", polls.get(2), "unvote:" + id3, "vote.no-vote", "68.3");
    assertVoteAnswer("sam", polls.get(2), "poll:" + id3 + ":1", "vote.counted", "Oneens", "68.3");
    assertCounts(68, List.of(List.of(2, 0), List.of(1, 0), List.of(0, 1)));

    // Forged or stale buttons are answered clearly and change nothing.
    assertThat(forged(polls.get(0), "poll:" + id1 + ":7"))
        .isEqualTo(messages.get("vote.unknown-option", "68.1", "?", "Eens, Oneens"));
    assertThat(forged(polls.get(0), "poll:987654:0")).isEqualTo(messages.get("vote.unknown-poll"));
    assertThat(forged(polls.get(0), "unvote:987654")).isEqualTo(messages.get("vote.unknown-poll"));
    assertThat(forged(polls.get(0), "unvote:" + id1 + ":0"))
        .isEqualTo(messages.get("vote.unknown-poll"));
    assertThat(forged(polls.get(0), "poll:" + id1 + ":x"))
        .isEqualTo(messages.get("vote.unknown-poll"));
    assertThat(forged(polls.get(0), "vote:" + id1 + ":0"))
        .isEqualTo(bot.discordTexts().get("unknown-interaction"));
    assertCounts(68, List.of(List.of(2, 0), List.of(1, 0), List.of(0, 1)));
    assertThat(discord.editsOf(polls.get(0).id())).isEmpty(); // live results are off

    // Only hosts close; moderators see the tally privately.
    assertThat(answer(member("pat"), "close", Map.of("episode", 68)))
        .isEqualTo(bot.pollcast.texts().refusal(new RefusedException("refused.host")));
    assertThat(service().results(68).closed()).isFalse();
    assertThat(answer(member("pat"), "tally", Map.of("episode", 68)))
        .isEqualTo(messages.get("refused.moderator"));
    assertThat(answer(member("pat"), "dashboard", Map.of()))
        .isEqualTo(messages.get("refused.link"));
    FakeInteraction dashboard = command(member("mo"), "dashboard", Map.of());
    FakeMessage link = discord.awaitAnswer(dashboard, WAIT);
    assertThat(link.ephemeral()).isTrue();
    assertThat(link.content()).contains(DiscordTestBot.DASHBOARD + "/dashboard?t=");
    FakeInteraction tally = command(member("mo"), "tally", Map.of("episode", 68));
    FakeMessage tallyAnswer = discord.awaitAnswer(tally, WAIT);
    assertThat(tallyAnswer.ephemeral()).isTrue();
    assertThat(tallyAnswer.content())
        .isEqualTo(bot.pollcast.texts().tally(service().results(68)))
        .contains("100%` 2");

    // The host closes: every poll message is edited once, buttons disabled; results announced.
    assertThat(answer(member("hana"), "close", Map.of("episode", 68)))
        .isEqualTo(messages.get("close.done", "68", 3));
    for (int i = 0; i < 3; i++) {
      List<FakeMessage> edits = discord.awaitEdits(polls.get(i).id(), 1, WAIT);
      assertThat(edits).hasSize(1);
      FakeMessage closed = edits.get(0);
      assertThat(closed.allButtonsDisabled()).isTrue();
      assertThat(closed.embeds().get(0).path("author").path("name").asText())
          .isEqualTo("Stelling 68." + (i + 1) + " · Gesloten");
    }
    assertThat(discord.editsOf(polls.get(0).id()).get(0).embeds().get(0).path("fields"))
        .extracting(f -> f.path("name").asText() + "=" + f.path("value").asText())
        .containsExactly("Eens=2 · 100%", "Oneens=0 · 0%");
    List<String> pollIds = polls.stream().map(FakeMessage::id).toList();
    assertThat(
            discord.awaitRequests(
                WAIT,
                "edits of the three polls",
                r ->
                    r.matches("PATCH", "channels/{channel}/messages/{message}")
                        && pollIds.contains(r.path().substring(r.path().lastIndexOf('/') + 1)),
                3))
        .hasSize(3);
    FakeMessage announcement =
        discord.awaitMessageInChannel(
            WAIT,
            "the results of episode 68",
            m ->
                m.embeds().stream()
                    .anyMatch(e -> e.path("title").asText().startsWith("Uitslag aflevering 68")));
    assertThat(announcement.embeds()).hasSize(4);
    assertThat(announcement.embeds().get(1).path("description").asText())
        .startsWith("**Stelling 68.1**: Bedrijven")
        .contains("100%` 2", "0%` 0");
    assertThat(announcement.embeds().get(0).path("image").path("url").asText())
        .isEqualTo("attachment://pollcast-68.png");
    assertThat(
            discord.awaitRequests(
                WAIT,
                "the chart's upload",
                r ->
                    r.matches("POST", "channels/{channel}/messages")
                        && r.body().path("uploaded_files").toString().contains("pollcast-68.png"),
                1))
        .singleElement()
        .satisfies(
            upload -> {
              JsonNode chart = upload.body().path("uploaded_files").get(0);
              assertThat(chart.path("filename").asText()).isEqualTo("pollcast-68.png");
              assertThat(chart.path("png").asBoolean()).isTrue();
            });

    // A click from a client that has not seen the edit yet: the poll is closed.
    assertThat(voteAnswer("pat", polls.get(0), "poll:" + id1 + ":1"))
        .isEqualTo(messages.get("vote.closed"));
    assertCounts(68, List.of(List.of(2, 0), List.of(1, 0), List.of(0, 1)));
  }

  @Test
  @DisplayName("A vote slower than the deferral threshold is deferred, then answered once durable")
  void slowVoteIsDeferredThenAnswered() {
    Actor host = new Actor(Platform.DISCORD, member("hana").id(), "hana", Set.of(Role.HOST));
    service()
        .importEpisode(
            host,
            new EpisodeDraft(
                72,
                "Langzaam",
                List.of(new ThesisDraft(1, "Wachten is niet erg", "")),
                List.of(),
                Optional.empty()));
    answer(member("hana"), "start", Map.of("episode", 72));
    PollInfo info = poll(72, 1);
    FakeMessage message = awaitPolls(72, 1).get(0);

    FakeInteraction click;
    // A transaction that holds the poll (a close, say) makes the vote wait, as a busy database
    // would.
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> holding =
        CompletableFuture.supplyAsync(
            () ->
                bot.pollcast
                    .database()
                    .jdbi()
                    .inTransaction(
                        handle -> {
                          handle
                              .createQuery("SELECT id FROM poll WHERE id = :id FOR UPDATE")
                              .bind("id", info.pollId())
                              .mapTo(Long.class)
                              .one();
                          held.countDown();
                          return awaitLatch(release);
                        }));
    try {
      assertThat(awaitLatch(held)).isTrue();
      click = discord.clickButton(member("pat"), message.id(), "poll:" + info.pollId() + ":0");
      InteractionCallback deferral = discord.awaitReply(click, WAIT);
      assertThat(deferral.type())
          .isEqualTo(InteractionCallback.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
      assertThat(deferral.ephemeral()).isTrue();
      assertThat(service().results(72).theses().get(0).voters()).isZero();
    } finally {
      release.countDown();
    }
    assertThat(holding.join()).isTrue();

    assertThat(discord.awaitAnswer(click, WAIT).content())
        .isEqualTo(messages.get("vote.counted", "Eens", "72.1"));
    assertThat(discord.callbacksOf(click)).hasSize(1);
    assertThat(service().results(72).theses().get(0).voters()).isEqualTo(1);
  }

  @Test
  @DisplayName("Import opens a form for hosts only and imports the pasted show notes")
  void importFormImportsPastedShowNotes() {
    FakeInteraction refused = command(member("pat"), "import", Map.of());
    assertThat(discord.awaitAnswer(refused, WAIT).content())
        .isEqualTo(messages.get("refused.host"));

    FakeInteraction open = command(member("hana"), "import", Map.of());
    InteractionCallback form = discord.awaitReply(open, WAIT);
    assertThat(form.type()).isEqualTo(InteractionCallback.MODAL);
    assertThat(form.data().path("custom_id").asText()).isEqualTo("import");
    assertThat(form.data().findValuesAsText("custom_id")).contains("show-notes");

    String notes =
        "70\nTabs of spaties\n\nStelling 1: Tabs zijn beter dan spaties\n\nEen oude discussie."
            + "\n\nStelling 2: Code review hoort samen\n\nSamen kijken gaat sneller.\n";
    FakeInteraction submitted =
        discord.submitModal(member("hana"), "import", Map.of("show-notes", notes));

    FakeMessage imported = discord.awaitAnswer(submitted, WAIT);
    assertThat(imported.ephemeral()).isTrue();
    assertThat(imported.content())
        .isEqualTo(messages.get("import.done", "70", "Tabs of spaties", 2));
    assertThat(service().results(70).title()).isEqualTo("Tabs of spaties");
  }

  @Test
  @DisplayName("An attached file is imported, and its over-long texts are shortened in the polls")
  void attachedFileIsImportedAndLongTextsShortened() {
    String longThesis =
        "Personalisatie @everyone kost privacy en vertrouwen, zegt men. ".repeat(20);
    longThesis = longThesis.substring(0, 1000).strip();
    String longContext = "Een lange alinea over profiling en privacy. ".repeat(150);
    String notes =
        "71\nLange teksten\n\nStelling 1: "
            + longThesis
            + "\n\n"
            + longContext
            + "\n\nStelling 2: Kort\n";
    FakeAttachment file =
        discord.attachment("episode-071.txt", notes.getBytes(StandardCharsets.UTF_8));

    assertThat(answer(member("hana"), "import", Map.of("file", file)))
        .startsWith(messages.get("import.done", "71", "Lange teksten", 2) + "\nLet op, regel 4:");
    assertThat(discord.requests()).anyMatch(r -> r.path().startsWith("attachments/" + file.id()));

    answer(member("hana"), "start", Map.of("episode", 71));
    FakeMessage poll = awaitPolls(71, 2).get(0);
    JsonNode embed = poll.embeds().get(0);
    String title = embed.path("title").asText();
    String description = embed.path("description").asText();
    assertThat(title).hasSizeLessThanOrEqualTo(256).endsWith("…");
    assertThat(longThesis).startsWith(title.substring(0, title.length() - 1).stripTrailing());
    assertThat(description).hasSizeLessThanOrEqualTo(4096).endsWith("…");
    int total =
        title.length() + description.length() + embed.path("author").path("name").asText().length();
    assertThat(total).isLessThanOrEqualTo(6000);
  }

  @Test
  @DisplayName("A file over 1 MiB is refused without being downloaded")
  void tooLargeFileIsRefused() {
    FakeAttachment file = discord.attachment("huge.txt", new byte[EpisodeImports.MAX_BYTES + 1]);

    assertThat(answer(member("hana"), "import", Map.of("file", file)))
        .isEqualTo(bot.discordTexts().get("import.too-large", 1025, 1024));
    assertThat(discord.requests()).noneMatch(r -> r.path().startsWith("attachments/" + file.id()));
  }

  @Test
  @DisplayName("A closing time that does not parse is refused before anything is posted")
  void badClosingTimeIsRefused() {
    int before = discord.messagesInChannel().size();

    assertThat(answer(member("hana"), "start", Map.of("episode", 68, "closes", "soon")))
        .isEqualTo(messages.get("command.bad-closing", "soon"));
    assertThat(discord.messagesInChannel()).hasSize(before);
  }

  @Test
  @DisplayName("Reopen enables the buttons again; members see and erase their own data")
  void reopenMyDataAndForgetMe() {
    Actor host = new Actor(Platform.DISCORD, "h", "hana", Set.of(Role.HOST));
    service()
        .importEpisode(
            host,
            new EpisodeDraft(
                74,
                "Heropend",
                List.of(new ThesisDraft(1, "Heropenen moet kunnen", "")),
                List.of(),
                Optional.empty()));
    answer(member("hana"), "start", Map.of("episode", 74));
    FakeMessage message = awaitPolls(74, 1).get(0);
    String id = String.valueOf(poll(74, 1).pollId());
    assertVoteAnswer("ravi", message, "poll:" + id + ":1", "vote.counted", "Oneens", "74.1");
    answer(member("hana"), "close", Map.of("episode", 74));
    assertThat(discord.awaitEdits(message.id(), 1, WAIT).get(0).allButtonsDisabled()).isTrue();

    assertThat(answer(member("pat"), "reopen", Map.of("episode", 74)))
        .isEqualTo(messages.get("refused.host"));
    answer(member("hana"), "reopen", Map.of("episode", 74));

    assertThat(discord.awaitEdits(message.id(), 2, WAIT).get(1).allButtonsDisabled()).isFalse();
    assertVoteAnswer("sam", message, "poll:" + id + ":0", "vote.counted", "Eens", "74.1");
    assertThat(answer(member("sam"), "my-data", Map.of())).contains("74.1").contains("Eens");
    assertThat(answer(member("sam"), "forget-me", Map.of())).startsWith("Vergeten: 1");
    assertThat(answer(member("sam"), "my-data", Map.of())).doesNotContain("74.1");
    assertCounts(74, List.of(List.of(0, 1)));
  }

  @Test
  @DisplayName("Re-importing fixed notes edits the posted poll; changing voted options is refused")
  void reimportEditsThePostedPoll() {
    String notes = "77\nFouten\n\nStelling 1: Podcats zijn radio\n\nStelling 2: Radio is dood\n";
    answer(member("hana"), "import", Map.of("file", attachment(notes)));
    answer(member("hana"), "start", Map.of("episode", 77));
    FakeMessage message = awaitPolls(77, 2).get(0);
    String id = String.valueOf(poll(77, 1).pollId());
    assertVoteAnswer("quinn", message, "poll:" + id + ":0", "vote.counted", "Eens", "77.1");

    String fixed = notes.replace("Podcats", "Podcasts");
    assertThat(answer(member("hana"), "import", Map.of("file", attachment(fixed))))
        .isEqualTo(
            messages.get("import.updated", "77", "Fouten", 2)
                + "\n"
                + messages.get("import.edited", "Discord", "1"));

    FakeMessage edited = discord.awaitEdits(message.id(), 1, WAIT).get(0);
    assertThat(edited.embeds().get(0).path("title").asText()).isEqualTo("Podcasts zijn radio");
    assertThat(edited.buttonIds()).isEqualTo(message.buttonIds());
    String refused =
        answer(
            member("hana"),
            "import",
            Map.of("file", attachment(fixed.replace("Radio", "Tv") + "\nOpties: Ja / Nee\n")));
    assertThat(refused).isEqualTo(messages.get("import.options-voted", "1", "Ja / Nee"));
    assertThat(service().theses(77).get(1).text()).isEqualTo("Radio is dood");
    assertThat(discord.awaitEdits(message.id(), 1, WAIT)).hasSize(1);
  }

  private static FakeAttachment attachment(String notes) {
    return discord.attachment("episode-077.txt", notes.getBytes(StandardCharsets.UTF_8));
  }

  private static PollService service() {
    return bot.pollcast.service();
  }

  private static FakeMember member(String name) {
    return guild.member(name);
  }

  private static FakeInteraction command(
      FakeMember member, String subcommand, Map<String, Object> options) {
    return discord.slashCommand(member, "poll", subcommand, options);
  }

  /** What the member reads in answer to a /poll subcommand. */
  private static String answer(FakeMember member, String subcommand, Map<String, Object> options) {
    FakeMessage answer = discord.awaitAnswer(command(member, subcommand, options), WAIT);
    assertThat(answer.ephemeral()).isTrue();
    return answer.content();
  }

  private static String voteAnswer(String member, FakeMessage poll, String customId) {
    FakeInteraction click = discord.clickStale(member(member), poll, customId);
    FakeMessage answer = discord.awaitAnswer(click, WAIT);
    assertThat(answer.ephemeral()).isTrue();
    assertThat(discord.callbacksOf(click)).singleElement().matches(InteractionCallback::accepted);
    return answer.content();
  }

  private static void assertVoteAnswer(
      String member, FakeMessage poll, String customId, String key, Object... arguments) {
    assertThat(voteAnswer(member, poll, customId)).isEqualTo(messages.get(key, arguments));
  }

  private static String forged(FakeMessage poll, String customId) {
    FakeMessage answer =
        discord.awaitAnswer(discord.forgeClick(member("sam"), poll.id(), customId), WAIT);
    assertThat(answer.ephemeral()).isTrue();
    return answer.content();
  }

  private static PollInfo poll(int episode, int thesis) {
    return service().pollIn(channel, episode, thesis).orElseThrow();
  }

  private static List<FakeMessage> awaitPolls(int episode, int count) {
    return discord.await(
        WAIT,
        count + " poll messages of episode " + episode,
        () -> {
          List<FakeMessage> polls =
              discord.messagesInChannel().stream()
                  .filter(
                      m ->
                          m.embeds().stream()
                              .anyMatch(
                                  e ->
                                      e.path("author")
                                          .path("name")
                                          .asText()
                                          .startsWith("Stelling " + episode + ".")))
                  .toList();
          return polls.size() == count ? Optional.of(polls) : Optional.empty();
        });
  }

  private static boolean awaitLatch(CountDownLatch latch) {
    try {
      return latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<RecordedRequest> postedMessages() {
    return discord.requests().stream()
        .filter(r -> r.matches("POST", "channels/{channel}/messages"))
        .toList();
  }

  private static void assertCounts(int episode, List<List<Integer>> expected) {
    EpisodeResults results = service().results(episode);
    assertThat(results.theses())
        .extracting(ThesisResult::options)
        .extracting(options -> options.stream().map(OptionResult::votes).toList())
        .containsExactlyElementsOf(expected);
  }
}
