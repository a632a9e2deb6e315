package io.pollcast.discord;

import io.pollcast.command.CommandHandler;
import io.pollcast.config.DiscordConfig;
import io.pollcast.routine.DaemonThreads;
import io.pollcast.text.Messages;
import io.pollcast.text.TextRenderer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * Pollcast answering Discord interactions: registers {@code /poll} with Discord, routes
 * interactions to the command, button and form handlers, and owns their threads (one that takes
 * clicks in order, two for commands and imports). Close it before the core it uses: closing stops
 * listening first, then lets the work in hand finish.
 */
public final class DiscordInteractions implements AutoCloseable {
  private static final int COMMAND_THREADS = 2;
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final List<JDA> shards;
  private final InteractionRouter router;
  private final ScheduledThreadPoolExecutor votes;
  private final ExecutorService commands;

  DiscordInteractions(
      List<JDA> shards, DiscordConfig config, TextRenderer texts, CommandHandler handler) {
    this.shards = shards;
    Messages discordTexts = DiscordBot.discordTexts(texts);
    DiscordActors actors = new DiscordActors(config);
    this.votes = new ScheduledThreadPoolExecutor(1, DaemonThreads.named("pollcast-discord-votes"));
    votes.setRemoveOnCancelPolicy(true);
    votes.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.commands =
        Executors.newFixedThreadPool(
            COMMAND_THREADS, DaemonThreads.named("pollcast-discord-commands"));
    ReasonForms reasons = new ReasonForms(handler, actors, texts.messages(), commands);
    VoteButtons buttons = new VoteButtons(handler, actors, texts.messages(), votes, reasons);
    PollSlashCommands polls = new PollSlashCommands(handler, actors, texts, discordTexts, commands);
    EpisodeImports imports = new EpisodeImports(handler, actors, texts, discordTexts, commands);
    SlashCommandData poll = DiscordCommands.poll(discordTexts);
    this.router =
        InteractionRouter.builder(discordTexts.get("unknown-interaction"))
            .command(DiscordCommands.fullName(DiscordCommands.START), polls::start)
            .command(DiscordCommands.fullName(DiscordCommands.CLOSE), polls::close)
            .command(DiscordCommands.fullName(DiscordCommands.AFTER), polls::after)
            .command(DiscordCommands.fullName(DiscordCommands.STANCE), polls::stance)
            .command(DiscordCommands.fullName(DiscordCommands.REOPEN), polls::reopen)
            .command(DiscordCommands.fullName(DiscordCommands.MY_DATA), polls::myData)
            .command(DiscordCommands.fullName(DiscordCommands.FORGET_ME), polls::forgetMe)
            .command(DiscordCommands.fullName(DiscordCommands.TALLY), polls::tally)
            .command(DiscordCommands.fullName(DiscordCommands.DASHBOARD), polls::dashboard)
            .command(DiscordCommands.fullName(DiscordCommands.OVERLAY), polls::overlay)
            .command(DiscordCommands.fullName(DiscordCommands.EPISODES), polls::episodes)
            .command(DiscordCommands.fullName(DiscordCommands.REASONS), polls::reasons)
            .command(DiscordCommands.fullName(DiscordCommands.FEATURE), polls::setReason)
            .command(DiscordCommands.fullName(DiscordCommands.HIDE), polls::setReason)
            .command(DiscordCommands.fullName(DiscordCommands.SHOW), polls::setReason)
            .command(DiscordCommands.fullName(DiscordCommands.IMPORT), imports::command)
            .button(PollButtonId.PREFIX, buttons::handle)
            .button(WithdrawButtonId.PREFIX, buttons::handleWithdraw)
            .button(WhyButtonId.PREFIX, reasons::clicked)
            .form(EpisodeImports.FORM, imports::submitted)
            .form(WhyButtonId.PREFIX, reasons::submitted)
            .build(DiscordCommands.fullNames(poll));
    // Listen first: members may use /poll as registered by an earlier run at once.
    shards.forEach(jda -> jda.addEventListener(router));
    try {
      // commands belong to the application, not a shard: one registers them for all
      shards.get(0).updateCommands().addCommands(List.of(poll)).complete();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Stops listening, then waits briefly for the commands and votes in hand. */
  @Override
  public void close() {
    shards.forEach(jda -> jda.removeEventListener(router));
    shutdown();
  }

  private void shutdown() {
    commands.shutdown();
    votes.shutdown();
    try {
      if (!commands.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        commands.shutdownNow();
      }
      if (!votes.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        votes.shutdownNow();
      }
    } catch (InterruptedException e) {
      commands.shutdownNow();
      votes.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
