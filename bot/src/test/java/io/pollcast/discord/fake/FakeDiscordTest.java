package io.pollcast.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Proves the fake Discord against the real JDA, driven by a throwaway listener. */
final class FakeDiscordTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String HOST_ROLE_ID = Snowflakes.next();

  private static FakeGuild guild;
  private static FakeDiscord discord;
  private static JdaHarness bot;
  private static ProbeListener listener;

  @BeforeAll
  static void connect() throws IOException {
    guild =
        FakeGuild.builder()
            .role("Host", HOST_ROLE_ID)
            .role("Moderator")
            .member("hana", "Host")
            .member("mo", "Moderator")
            .member("pat")
            .build();
    // A burst of 200 clicks can take seconds on a busy 2-core build machine, so the 3 s reply
    // deadline is relaxed here; InteractionLedgerTest covers it.
    discord = FakeDiscord.start(guild, Duration.ofSeconds(15));
    listener = new ProbeListener();
    bot = JdaHarness.connect(discord, EnumSet.of(GatewayIntent.GUILD_MEMBERS), listener);
  }

  @AfterAll
  static void disconnect() {
    try {
      if (bot != null) {
        bot.close();
      }
    } finally {
      if (discord != null) {
        discord.close();
      }
    }
  }

  @AfterEach
  void botCalledOnlyModelledEndpoints() {
    assertThat(discord.unroutedRequests()).isEmpty();
    assertThat(discord.unhandledGatewayMessages()).isEmpty();
  }

  @Test
  @DisplayName("JDA reaches READY and sees the guild, its channel and the members' roles")
  void jdaSeesGuildChannelAndRoles() {
    Guild jdaGuild = bot.guild();

    assertThat(discord.identified()).isTrue();
    assertThat(jdaGuild.getName()).isEqualTo(guild.name());
    assertThat(bot.channel().getName()).isEqualTo("episode-talk");
    assertThat(jdaGuild.getSelfMember().getId()).isEqualTo(guild.bot().id());
    assertThat(roleNames(memberOf(jdaGuild, "hana"))).containsExactly("Host");
    assertThat(memberOf(jdaGuild, "hana").getRoles())
        .extracting(Role::getId)
        .containsExactly(HOST_ROLE_ID);
    assertThat(roleNames(memberOf(jdaGuild, "mo"))).containsExactly("Moderator");
    assertThat(roleNames(memberOf(jdaGuild, "pat"))).isEmpty();
  }

  @Test
  @DisplayName(
      "Upserting /poll with subcommands reaches the fake as PUT applications/{app}/commands")
  void commandUpsertReachesFake() {
    List<Command> commands =
        bot.jda()
            .updateCommands()
            .addCommands(
                Commands.slash("poll", "Vote on the episode's theses")
                    .addSubcommands(
                        new SubcommandData("open", "Open a poll")
                            .addOption(OptionType.STRING, "thesis", "The thesis", true)
                            .addOption(OptionType.INTEGER, "minutes", "How long it runs"),
                        new SubcommandData("close", "Close the poll"),
                        new SubcommandData("tally", "Show the tally")))
            .complete();

    RecordedRequest put = discord.awaitRequest("PUT", "applications/{app}/commands", WAIT);
    assertThat(put.path()).isEqualTo("applications/" + guild.applicationId() + "/commands");
    assertThat(put.body().path(0).path("name").asText()).isEqualTo("poll");
    assertThat(put.body().path(0).path("options").findValuesAsText("name"))
        .contains("open", "close", "tally");
    assertThat(commands)
        .singleElement()
        .satisfies(
            command -> {
              assertThat(command.getName()).isEqualTo("poll");
              assertThat(command.getSubcommands())
                  .extracting(Command.Subcommand::getName)
                  .containsExactly("open", "close", "tally");
            });
    assertThat(discord.registeredCommands())
        .extracting(c -> c.path("name").asText())
        .containsExactly("poll");
  }

  @Test
  @DisplayName("A slash command reaches the listener, which replies ephemerally and posts a poll")
  void slashCommandIsRepliedAndPostsPoll() {
    FakeInteraction open =
        discord.slashCommand(
            guild.member("hana"),
            "poll",
            "open",
            Map.of("thesis", "Tabs beat spaces", "minutes", 5));

    Seen seen = listener.awaitSeen(open);
    assertThat(seen.name()).isEqualTo("poll open");
    assertThat(seen.options())
        .containsExactlyInAnyOrderEntriesOf(Map.of("thesis", "Tabs beat spaces", "minutes", "5"));
    assertThat(seen.roles()).containsExactly("Host");

    InteractionCallback reply = discord.awaitReply(open, WAIT);
    assertThat(reply.type()).isEqualTo(InteractionCallback.CHANNEL_MESSAGE_WITH_SOURCE);
    assertThat(reply.flags()).isEqualTo(64);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.content()).isEqualTo("Poll opened: Tabs beat spaces");

    FakeMessage poll = awaitPoll("Tabs beat spaces");
    assertThat(poll.embeds())
        .singleElement()
        .satisfies(
            embed -> assertThat(embed.path("description").asText()).isEqualTo("Tabs beat spaces"));
    assertThat(poll.buttonIds()).containsExactly("vote:yes", "poll:close");
    assertThat(poll.allButtonsDisabled()).isFalse();
    assertThat(poll.json().path("author").path("id").asText()).isEqualTo(guild.bot().id());
    assertThat(discord.messagesInChannel()).noneMatch(FakeMessage::ephemeral);
  }

  @Test
  @DisplayName("A button click is replied to ephemerally and the poll message's buttons disabled")
  void buttonClickIsRepliedAndMessageEdited() {
    FakeMessage poll = openPoll(guild.member("mo"), "Episode 42 ran too long");

    FakeInteraction close = discord.clickButton(guild.member("mo"), poll.id(), "poll:close");

    Seen seen = listener.awaitSeen(close);
    assertThat(seen.name()).isEqualTo("poll:close");
    assertThat(seen.messageId()).isEqualTo(poll.id());
    assertThat(seen.roles()).containsExactly("Moderator");
    InteractionCallback reply = discord.awaitReply(close, WAIT);
    assertThat(reply.ephemeral()).isTrue();
    assertThat(reply.content()).isEqualTo("Poll closed");
    List<FakeMessage> edits = discord.awaitEdits(poll.id(), 1, WAIT);
    assertThat(edits)
        .singleElement()
        .satisfies(
            edited -> {
              assertThat(edited.allButtonsDisabled()).isTrue();
              assertThat(edited.embeds()).hasSize(1);
            });
    // JDA edits a component's message through the interaction's webhook, not the channel route.
    assertThat(discord.requests())
        .anyMatch(
            r ->
                r.matches(
                    "PATCH",
                    "webhooks/"
                        + guild.applicationId()
                        + "/"
                        + close.token()
                        + "/messages/"
                        + poll.id()));
    assertThatThrownBy(() -> discord.clickButton(guild.member("pat"), poll.id(), "vote:yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disabled");
  }

  @Test
  @DisplayName("A deferred reply is completed by editing @original, then a follow-up is sent")
  void deferredReplyIsCompletedThroughWebhook() {
    FakeInteraction tally = discord.slashCommand(guild.member("pat"), "poll", "tally", Map.of());

    InteractionCallback deferral = discord.awaitReply(tally, WAIT);
    assertThat(deferral.type()).isEqualTo(InteractionCallback.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
    assertThat(deferral.ephemeral()).isTrue();
    String webhook = "webhooks/" + guild.applicationId() + "/" + tally.token();
    RecordedRequest original = discord.awaitRequest("PATCH", webhook + "/messages/@original", WAIT);
    RecordedRequest followUp = discord.awaitRequest("POST", webhook, WAIT);

    assertThat(original.status()).isEqualTo(200);
    assertThat(followUp.status()).isEqualTo(200);
    assertThat(followUp.query()).isEqualTo("wait=true");
    assertThat(discord.originalResponse(tally))
        .hasValueSatisfying(
            reply -> {
              assertThat(reply.content()).isEqualTo("Tally: 3 agree");
              assertThat(reply.ephemeral()).isTrue();
            });
    // JDA's hook is not ephemeral by default, so the follow-up is a public message.
    assertThat(discord.messagesInChannel())
        .extracting(FakeMessage::content)
        .contains("Details follow")
        .doesNotContain("Tally: 3 agree");
    assertThat(discord.callbacksOf(tally)).hasSize(1);
  }

  @Test
  @DisplayName("200 button clicks in a burst get exactly one callback each")
  void burstOfClicksGetsOneCallbackEach() {
    FakeMessage poll = openPoll(guild.member("hana"), "Burst of votes");
    List<FakeMember> voters = guild.members();

    List<FakeInteraction> clicks =
        IntStream.range(0, 200)
            .mapToObj(
                i -> discord.clickButton(voters.get(i % voters.size()), poll.id(), "vote:yes"))
            .toList();

    discord.await(
        Duration.ofSeconds(10),
        "a callback to each of 200 clicks",
        () ->
            clicks.stream().allMatch(c -> !discord.callbacksOf(c).isEmpty())
                ? Optional.of(clicks)
                : Optional.empty());
    assertThat(clicks)
        .allSatisfy(
            click ->
                assertThat(discord.callbacksOf(click))
                    .singleElement()
                    .satisfies(
                        callback -> {
                          assertThat(callback.accepted()).isTrue();
                          assertThat(callback.ephemeral()).isTrue();
                          assertThat(callback.content()).isEqualTo("Vote counted");
                        }));
    assertThat(clicks).allSatisfy(click -> assertThat(listener.seen).containsKey(click.id()));
    assertThat(discord.editsOf(poll.id())).isEmpty();
  }

  private static FakeMessage openPoll(FakeMember host, String thesis) {
    FakeInteraction open = discord.slashCommand(host, "poll", "open", Map.of("thesis", thesis));
    discord.awaitReply(open, WAIT);
    return awaitPoll(thesis);
  }

  private static FakeMessage awaitPoll(String thesis) {
    return discord.awaitMessageInChannel(
        WAIT,
        "the poll on " + thesis,
        message ->
            message.embeds().stream()
                .map(e -> e.path("description").asText())
                .anyMatch(thesis::equals));
  }

  private static Member memberOf(Guild jdaGuild, String username) {
    return Objects.requireNonNull(jdaGuild.getMemberById(guild.member(username).id()), username);
  }

  private static List<String> roleNames(Member member) {
    return member.getRoles().stream().map(Role::getName).toList();
  }

  /** What the listener saw of one interaction. */
  private record Seen(
      String name, String messageId, Map<String, String> options, List<String> roles) {}

  /**
   * A stand-in for the poll adapter, just enough to drive every route of the fake: it answers
   * {@code /poll open} with an ephemeral reply and a poll message with two buttons, {@code /poll
   * tally} with an ephemeral deferred reply completed through the webhook, a vote with an ephemeral
   * reply, and "close" with an ephemeral reply and by disabling the buttons.
   */
  private static final class ProbeListener extends ListenerAdapter {
    final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final ChangeSignal signal = new ChangeSignal();

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
      Map<String, String> options = new ConcurrentHashMap<>();
      event.getOptions().forEach(option -> options.put(option.getName(), option.getAsString()));
      record(
          event.getId(),
          new Seen(event.getFullCommandName(), "", options, roles(event.getMember())));
      if ("tally".equals(event.getSubcommandName())) {
        event
            .deferReply(true)
            .queue(
                hook ->
                    hook.editOriginal("Tally: 3 agree")
                        .queue(edited -> hook.sendMessage("Details follow").queue()));
        return;
      }
      String thesis = event.getOption("thesis", "", OptionMapping::getAsString);
      event.reply("Poll opened: " + thesis).setEphemeral(true).queue();
      event
          .getChannel()
          .sendMessageEmbeds(new EmbedBuilder().setTitle("Thesis").setDescription(thesis).build())
          .setComponents(
              ActionRow.of(
                  Button.primary("vote:yes", "Agree"), Button.danger("poll:close", "Close poll")))
          .queue();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
      record(
          event.getId(),
          new Seen(
              event.getComponentId(), event.getMessageId(), Map.of(), roles(event.getMember())));
      if (event.getComponentId().equals("poll:close")) {
        event.reply("Poll closed").setEphemeral(true).queue();
        event
            .getMessage()
            .editMessageComponents(
                event.getMessage().getComponents().stream()
                    .map(row -> row.asActionRow().asDisabled())
                    .toList())
            .queue();
      } else {
        event.reply("Vote counted").setEphemeral(true).queue();
      }
    }

    Seen awaitSeen(FakeInteraction interaction) {
      return signal.await(
          WAIT,
          "the listener to see " + interaction.id(),
          () -> Optional.ofNullable(seen.get(interaction.id())));
    }

    private void record(String interactionId, Seen what) {
      seen.put(interactionId, what);
      signal.signalAll();
    }

    private static List<String> roles(Member member) {
      return member == null ? List.of() : roleNames(member);
    }
  }
}
