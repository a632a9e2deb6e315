package io.pollcast.text;

import io.pollcast.domain.Round;
import io.pollcast.domain.VoteOutcome;
import io.pollcast.poll.VoteReply;

/** What a voter is told, privately, once their vote is durable or refused. Thread-safe. */
public final class VoteTexts {
  private final Messages messages;

  public VoteTexts(Messages messages) {
    this.messages = messages;
  }

  /**
   * The private answer to a vote or withdrawal; for a debate, it says which round it counted in.
   */
  public String reply(VoteReply reply) {
    String answer = answer(reply);
    return reply
        .round()
        .filter(round -> reply.result().status() != VoteOutcome.Status.UNKNOWN_POLL)
        .map(round -> answer + " " + messages.get("vote.in-round", roundName(messages, round)))
        .orElse(answer);
  }

  /** A round's name, e.g. "voor (voor het luisteren)". */
  public static String roundName(Messages messages, Round round) {
    return messages.get(round == Round.BEFORE ? "round.before" : "round.after");
  }

  private String answer(VoteReply reply) {
    String reference = reply.poll().map(p -> p.reference()).orElse("?");
    String current = MentionSafety.neutralise(reply.currentLabel().orElse(""));
    String previous = MentionSafety.neutralise(reply.previousLabel().orElse(""));
    return switch (reply.result().status()) {
      case COUNTED -> messages.get("vote.counted", current, reference);
      case CHANGED -> messages.get("vote.changed", previous, current, reference);
      case UNCHANGED -> messages.get("vote.unchanged", current, reference);
      case WITHDRAWN -> messages.get("vote.withdrawn", previous, reference);
      case NO_VOTE -> messages.get("vote.no-vote", reference);
      case POLL_CLOSED -> messages.get("vote.closed");
      case UNKNOWN_POLL -> messages.get("vote.unknown-poll");
      case UNKNOWN_OPTION ->
          messages.get(
              "vote.unknown-option",
              reference,
              "?",
              String.join(", ", reply.poll().map(p -> p.options()).orElse(java.util.List.of())));
    };
  }

  /** The answer when the vote could not be stored. */
  public String failed() {
    return messages.get("vote.failed");
  }
}
