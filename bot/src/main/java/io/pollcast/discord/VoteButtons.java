package io.pollcast.discord;

import io.pollcast.command.CommandHandler;
import io.pollcast.command.VoteAnswer;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.text.Messages;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * Answers clicks on vote and withdraw buttons: records the vote (or withdraws it) and, once that is
 * durable, tells the voter privately which option counts now, with a "Why?" button to give a reason
 * when the vote counts. Should the vote take longer than {@link #DEFER_AFTER} (the database under a
 * burst), the answer is deferred first so that Discord's 3 s deadline is met, and the deferred
 * answer is edited once the vote is durable. A button whose id does not parse, or whose poll is not
 * in this channel, changes nothing and is answered as an unknown poll.
 *
 * <p>Threading: {@link #handle} and {@link #handleWithdraw} only queue the click. Clicks are taken
 * one at a time, in the order Discord delivered them, on the single thread of the executor given
 * (so that a voter's quick successive clicks count in that order); the vote writer batches the
 * storing. Answers and deferrals of a click also run on that thread, so they never race.
 */
final class VoteButtons {
  /** How long a vote may take before the answer is deferred. */
  static final Duration DEFER_AFTER = Duration.ofMillis(1500);

  private final CommandHandler handler;
  private final DiscordActors actors;
  private final Messages messages;
  private final ScheduledExecutorService thread;
  private final ReasonForms reasons;

  /**
   * @param thread a single-threaded executor, owned by the caller
   * @param reasons makes the "Why?" button put under a counted vote's answer
   */
  VoteButtons(
      CommandHandler handler,
      DiscordActors actors,
      Messages messages,
      ScheduledExecutorService thread,
      ReasonForms reasons) {
    this.handler = handler;
    this.actors = actors;
    this.messages = messages;
    this.thread = thread;
    this.reasons = reasons;
  }

  /** Takes a click on an option; called on JDA's event thread. */
  void handle(ButtonInteractionEvent event) {
    thread.execute(
        () ->
            PollButtonId.parse(event.getComponentId())
                .ifPresentOrElse(
                    button ->
                        answer(
                            event,
                            actor ->
                                handler.voteClick(
                                    actor, place(event), button.pollId(), button.option())),
                    () -> Replies.reply(event, messages.get("vote.unknown-poll"))));
  }

  /** Takes a click on a poll's withdraw button; called on JDA's event thread. */
  void handleWithdraw(ButtonInteractionEvent event) {
    thread.execute(
        () ->
            WithdrawButtonId.parse(event.getComponentId())
                .ifPresentOrElse(
                    button ->
                        answer(
                            event,
                            actor ->
                                handler
                                    .withdraw(actor, place(event), button.pollId())
                                    .thenApply(text -> new VoteAnswer(text, OptionalLong.empty()))),
                    () -> Replies.reply(event, messages.get("vote.unknown-poll"))));
  }

  private static Place place(ButtonInteractionEvent event) {
    return new Place(Platform.DISCORD, event.getChannelId());
  }

  private void answer(
      ButtonInteractionEvent event, Function<Actor, CompletableFuture<VoteAnswer>> change) {
    Answer answer = new Answer(event);
    ScheduledFuture<?> deferral =
        thread.schedule(answer::defer, DEFER_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    // Answered by the callback; a vote that completes after close() goes unanswered.
    Future<?> unused =
        change
            .apply(actors.of(event))
            .whenCompleteAsync(
                (reply, error) -> {
                  deferral.cancel(false);
                  answer.send(
                      reply != null
                          ? reply
                          : new VoteAnswer(messages.get("error.internal"), OptionalLong.empty()));
                },
                thread);
  }

  /** One click's answer: a reply, or an edit once deferred. Used only on the vote thread. */
  private final class Answer {
    private final ButtonInteractionEvent event;
    private boolean deferred;

    Answer(ButtonInteractionEvent event) {
      this.event = event;
    }

    void defer() {
      deferred = true;
      Replies.defer(event);
    }

    void send(VoteAnswer reply) {
      if (reply.reasonPoll().isPresent()) {
        Button why = reasons.button(reply.reasonPoll().getAsLong());
        if (deferred) {
          Replies.editDeferred(event.getHook(), reply.text(), why);
        } else {
          Replies.reply(event, reply.text(), why);
        }
      } else if (deferred) {
        Replies.editDeferred(event.getHook(), reply.text());
      } else {
        Replies.reply(event, reply.text());
      }
    }
  }
}
