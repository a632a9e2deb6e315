package io.pollcast.command;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.VoteIntake;
import io.pollcast.text.VoteTexts;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Casts and withdraws votes, from a button or typed ({@code /vote 68.1 Eens}, {@code /withdraw
 * 68.1}), and words the voter's answer; every vote is timed for the {@link VoteListener}. The
 * futures complete once the vote is durable or refused and fail as the {@link VoteIntake}'s do:
 * {@link CommandHandler} words the failures. Thread-safe.
 */
final class VoteCommands {
  private final VoteIntake votes;
  private final ShownPolls polls;
  private final VoteTiming timing;
  private final VoteTexts texts;

  VoteCommands(VoteIntake votes, ShownPolls polls, VoteTiming timing, VoteTexts texts) {
    this.votes = votes;
    this.polls = polls;
    this.timing = timing;
    this.texts = texts;
  }

  /**
   * A click on option {@code option} of a poll; the answer names the poll on which the member may
   * now give a reason when their vote counts.
   */
  CompletableFuture<VoteAnswer> click(Actor actor, Place place, long pollId, int option) {
    return timing
        .time(actor.platform(), () -> votes.vote(actor, place, pollId, option))
        .thenApply(
            reply ->
                new VoteAnswer(
                    texts.reply(reply),
                    reply.currentLabel().isPresent()
                        ? OptionalLong.of(pollId)
                        : OptionalLong.empty()));
  }

  /** A typed vote, on an option given by label or number. */
  CompletableFuture<String> vote(Actor actor, Place place, PollCommand.Vote vote) {
    PollInfo poll = polls.in(place, vote.episode(), vote.thesis());
    OptionalInt option = ShownPolls.optionIndex(poll, vote.option());
    if (option.isEmpty()) {
      throw new RefusedException(
          "vote.unknown-option",
          poll.reference(),
          vote.option(),
          String.join(", ", poll.options()));
    }
    return timing
        .time(actor.platform(), () -> votes.vote(actor, place, poll.pollId(), option.getAsInt()))
        .thenApply(texts::reply);
  }

  /** A typed withdrawal. */
  CompletableFuture<String> withdraw(Actor actor, Place place, PollCommand.Withdraw withdraw) {
    return withdraw(actor, place, polls.in(place, withdraw.episode(), withdraw.thesis()).pollId());
  }

  /** A withdrawal from a poll's withdraw button. */
  CompletableFuture<String> withdraw(Actor actor, Place place, long pollId) {
    return timing
        .time(actor.platform(), () -> votes.withdraw(actor, place, pollId))
        .thenApply(texts::reply);
  }
}
