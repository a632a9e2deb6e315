package io.pollcast.command;

import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.ReasonState;
import java.util.Optional;

/** A command as users type it on any platform, parsed and validated by {@link CommandParser}. */
public sealed interface PollCommand {

  /** {@code /poll episodes}: list the episodes. */
  record Episodes() implements PollCommand {}

  /**
   * {@code /poll start 68 [debate] [closes:3d] [after:2d]}: post an episode's theses as polls, as a
   * debate with a before and an after round if asked.
   */
  record Start(
      int episode, Optional<ClosingTime> closing, boolean debate, Optional<ClosingTime> after)
      implements PollCommand {
    /** A start that is not asked to be a debate. */
    public Start(int episode, Optional<ClosingTime> closing) {
      this(episode, closing, false, Optional.empty());
    }
  }

  /** {@code /poll after 68}: close a debate's before round and open its after round. */
  record After(int episode) implements PollCommand {}

  /** {@code /poll stance 68.1 Eens}: where a host stands on a thesis. */
  record Stance(int episode, int thesis, String option) implements PollCommand {}

  /** {@code /poll close 68}: close an episode's polls and announce the results. */
  record Close(int episode) implements PollCommand {}

  /** {@code /poll reopen 68 [closes:1d]}: reopen an episode's polls closed by mistake. */
  record Reopen(int episode, Optional<ClosingTime> closing) implements PollCommand {}

  /** {@code /poll tally 68}: the running tally, privately. */
  record Tally(int episode) implements PollCommand {}

  /** {@code /poll import FILE}: import show notes from a local file (console only). */
  record Import(String file) implements PollCommand {}

  /** {@code /vote 68.1 Eens}: vote on a thesis where there are no buttons. */
  record Vote(int episode, int thesis, String option) implements PollCommand {}

  /** {@code /withdraw 68.1}: withdraw a vote. */
  record Withdraw(int episode, int thesis) implements PollCommand {}

  /** {@code /poll my-data}: what Pollcast holds about the member, privately. */
  record MyData() implements PollCommand {}

  /** {@code /poll forget-me}: remove the member's votes and anything else tied to them. */
  record ForgetMe() implements PollCommand {}

  /** {@code /poll dashboard}: a private link to the dashboard (moderators and hosts). */
  record Dashboard() implements PollCommand {}

  /** {@code /poll overlay 68}: a private link to the overlay of an episode (moderators, hosts). */
  record Overlay(int episode) implements PollCommand {}

  /**
   * {@code /why 68.1 because...}: give or replace the member's reason for their vote; with the text
   * {@code -}, remove it.
   */
  record Why(int episode, int thesis, Optional<String> reason) implements PollCommand {}

  /** {@code /poll reasons 68.1}: the reasons on a thesis, privately (moderators and hosts). */
  record Reasons(int episode, int thesis) implements PollCommand {}

  /**
   * {@code /poll feature 68.1 R7}, {@code /poll hide 68.1 R7}, {@code /poll show 68.1 R7}: feature
   * a reason in the results, hide it, or make it an ordinary one again (moderators and hosts).
   */
  record SetReason(int episode, int thesis, long reason, ReasonState state)
      implements PollCommand {}

  /** {@code /help}: what can be typed. */
  record Help() implements PollCommand {}
}
