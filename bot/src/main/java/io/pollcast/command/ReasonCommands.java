package io.pollcast.command;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.poll.ReasonDesk;
import io.pollcast.text.ReasonTexts;
import java.util.Optional;

/**
 * The reasons members give for their votes: given or removed by the member ({@code /why 68.1 ...}
 * or a platform's form), listed, featured or hidden by moderators and hosts ({@code /poll reasons
 * 68.1}, {@code /poll feature 68.1 R7}). Answers with the private reply text; refusals are thrown
 * for {@link CommandHandler} to word. Blocks on the database.
 */
final class ReasonCommands {
  private final ReasonDesk reasons;
  private final ShownPolls polls;
  private final ReasonTexts texts;

  ReasonCommands(ReasonDesk reasons, ShownPolls polls, ReasonTexts texts) {
    this.reasons = reasons;
    this.polls = polls;
    this.texts = texts;
  }

  /** A reason from a platform's form: an empty or blank text removes it. */
  String form(Actor actor, Place place, long pollId, String text) {
    return reply(actor, place, pollId, text.isBlank() ? Optional.empty() : Optional.of(text));
  }

  /** {@code /why 68.1 text}, or without a text (typed {@code -}) to remove it. */
  String why(Actor actor, Place place, PollCommand.Why why) {
    long pollId = polls.in(place, why.episode(), why.thesis()).pollId();
    return reply(actor, place, pollId, why.reason());
  }

  /** {@code /poll reasons 68.1}. */
  String list(Actor actor, PollCommand.Reasons list) {
    return texts.list(
        list.episode() + "." + list.thesis(), reasons.list(actor, list.episode(), list.thesis()));
  }

  /** {@code /poll feature}, {@code hide} or {@code show}. */
  String set(Actor actor, PollCommand.SetReason set) {
    reasons.set(actor, set.episode(), set.thesis(), set.reason(), set.state());
    return texts.stateSet(set.episode() + "." + set.thesis(), set.reason(), set.state());
  }

  private String reply(Actor actor, Place place, long pollId, Optional<String> reason) {
    return texts.reply(
        reason.isPresent()
            ? reasons.give(actor, place, pollId, reason.get())
            : reasons.remove(actor, place, pollId));
  }
}
