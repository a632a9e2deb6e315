package io.pollcast.discord;

import io.pollcast.command.CommandHandler;
import io.pollcast.command.PollCommand;
import io.pollcast.domain.Actor;
import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.ClosingTimes;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * Carries out {@code /poll start|close|after|stance|tally|episodes} through the shared {@link
 * CommandHandler}: the answer is deferred privately at once, the command runs on the executor given
 * (starting and closing post and edit messages, which can take a while under Discord's rate
 * limits), and the deferred answer is then edited to say what happened. Handler methods are called
 * on JDA's event thread.
 */
final class PollSlashCommands {
  /** What the bot needs in a channel to post polls there. */
  private static final Set<Permission> POSTING =
      EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

  private static final String CLOSES_PREFIX = "closes:";

  private final CommandHandler handler;
  private final DiscordActors actors;
  private final TextRenderer texts;
  private final Messages discordTexts;
  private final Executor executor;

  PollSlashCommands(
      CommandHandler handler,
      DiscordActors actors,
      TextRenderer texts,
      Messages discordTexts,
      Executor executor) {
    this.handler = handler;
    this.actors = actors;
    this.texts = texts;
    this.discordTexts = discordTexts;
    this.executor = executor;
  }

  void start(SlashCommandInteractionEvent event) {
    Optional<Optional<ClosingTime>> closing = closing(event);
    if (closing.isEmpty()) {
      return;
    }
    Actor actor = actors.of(event);
    Set<Permission> missing = missingPermissions(event);
    if (actor.isHost() && !missing.isEmpty()) {
      String names = missing.stream().map(Permission::getName).collect(Collectors.joining(", "));
      Replies.reply(event, discordTexts.get("missing-permissions", names));
      return;
    }
    Optional<String> afterText =
        Optional.ofNullable(event.getOption(DiscordCommands.AFTER, OptionMapping::getAsString));
    Optional<ClosingTime> after = afterText.flatMap(PollSlashCommands::closingTime);
    if (afterText.isPresent() && after.isEmpty()) {
      Replies.reply(
          event, texts.refusal(new RefusedException("command.bad-after", afterText.get())));
      return;
    }
    boolean debate =
        Boolean.TRUE.equals(event.getOption(DiscordCommands.DEBATE, OptionMapping::getAsBoolean));
    run(event, new PollCommand.Start(episode(event), closing.get(), debate, after));
  }

  void after(SlashCommandInteractionEvent event) {
    run(event, new PollCommand.After(episode(event)));
  }

  /** {@code /poll stance thesis:68.1 option:Eens}, parsed as the text command is. */
  void stance(SlashCommandInteractionEvent event) {
    String thesis = event.getOption(DiscordCommands.THESIS, "", OptionMapping::getAsString);
    String option = event.getOption(DiscordCommands.OPTION, "", OptionMapping::getAsString);
    PollCommand command;
    try {
      command = handler.parser().parsePoll("stance " + thesis.strip() + " " + option.strip());
    } catch (RefusedException e) {
      Replies.reply(event, texts.refusal(e));
      return;
    }
    run(event, command);
  }

  /** {@code /poll reasons thesis:68.1}, parsed as the text command is. */
  void reasons(SlashCommandInteractionEvent event) {
    String thesis = event.getOption(DiscordCommands.THESIS, "", OptionMapping::getAsString);
    parsed(event, "reasons " + thesis.strip());
  }

  /** {@code /poll feature|hide|show thesis:68.1 reason:R7}, parsed as the text commands are. */
  void setReason(SlashCommandInteractionEvent event) {
    String thesis = event.getOption(DiscordCommands.THESIS, "", OptionMapping::getAsString);
    String reason = event.getOption(DiscordCommands.REASON, "", OptionMapping::getAsString);
    parsed(event, event.getSubcommandName() + " " + thesis.strip() + " " + reason.strip());
  }

  private void parsed(SlashCommandInteractionEvent event, String arguments) {
    PollCommand command;
    try {
      command = handler.parser().parsePoll(arguments);
    } catch (RefusedException e) {
      Replies.reply(event, texts.refusal(e));
      return;
    }
    run(event, command);
  }

  void reopen(SlashCommandInteractionEvent event) {
    closing(event).ifPresent(when -> run(event, new PollCommand.Reopen(episode(event), when)));
  }

  /**
   * The optional {@code closes} option: empty when it was given but is not a closing time (the
   * member has been told so), else the closing time if one was given.
   */
  private Optional<Optional<ClosingTime>> closing(SlashCommandInteractionEvent event) {
    Optional<String> closes =
        Optional.ofNullable(event.getOption(DiscordCommands.CLOSES, OptionMapping::getAsString));
    Optional<ClosingTime> closing = closes.flatMap(PollSlashCommands::closingTime);
    if (closes.isPresent() && closing.isEmpty()) {
      Replies.reply(
          event, texts.refusal(new RefusedException("command.bad-closing", closes.get())));
      return Optional.empty();
    }
    return Optional.of(closing);
  }

  void myData(SlashCommandInteractionEvent event) {
    run(event, new PollCommand.MyData());
  }

  void forgetMe(SlashCommandInteractionEvent event) {
    run(event, new PollCommand.ForgetMe());
  }

  void close(SlashCommandInteractionEvent event) {
    run(event, new PollCommand.Close(episode(event)));
  }

  void tally(SlashCommandInteractionEvent event) {
    run(event, new PollCommand.Tally(episode(event)));
  }

  void dashboard(SlashCommandInteractionEvent event) {
    run(event, new PollCommand.Dashboard());
  }

  void overlay(SlashCommandInteractionEvent event) {
    run(event, new PollCommand.Overlay(episode(event)));
  }

  void episodes(SlashCommandInteractionEvent event) {
    run(event, new PollCommand.Episodes());
  }

  private void run(SlashCommandInteractionEvent event, PollCommand command) {
    if (event.getGuild() == null) {
      Replies.reply(event, discordTexts.get("guild-only"));
      return;
    }
    Actor actor = actors.of(event);
    Place place = new Place(Platform.DISCORD, event.getChannelId());
    Replies.defer(event);
    executor.execute(
        () -> Replies.editDeferred(event.getHook(), handler.handle(actor, place, command).join()));
  }

  private static int episode(SlashCommandInteractionEvent event) {
    Integer episode = event.getOption(DiscordCommands.EPISODE, OptionMapping::getAsInt);
    if (episode == null) {
      throw new IllegalStateException("Discord sent /poll without the required episode");
    }
    return episode;
  }

  private static Optional<ClosingTime> closingTime(String text) {
    String when = text.strip();
    if (when.toLowerCase(Locale.ROOT).startsWith(CLOSES_PREFIX)) {
      when = when.substring(CLOSES_PREFIX.length());
    }
    return ClosingTimes.tryParse(when);
  }

  private static Set<Permission> missingPermissions(SlashCommandInteractionEvent event) {
    Set<Permission> missing = EnumSet.noneOf(Permission.class);
    if (event.getGuild() == null) {
      return missing;
    }
    Member self = event.getGuild().getSelfMember();
    GuildChannel channel = event.getGuildChannel();
    for (Permission permission : POSTING) {
      if (!self.hasPermission(channel, permission)) {
        missing.add(permission);
      }
    }
    return missing;
  }
}
