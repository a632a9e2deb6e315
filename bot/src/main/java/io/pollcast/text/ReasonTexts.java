package io.pollcast.text;

import io.pollcast.domain.Reason;
import io.pollcast.domain.ReasonState;
import io.pollcast.poll.ReasonReply;
import java.util.ArrayList;
import java.util.List;

/**
 * The words around members' reasons: the answer to a member who gave one, the list moderators see,
 * and the quotes in the results. A reason is always quoted on a line of its own, between quotation
 * marks, with its mentions made inert and its code marks (backticks) shown as plain apostrophes, so
 * that it can neither ping anyone nor change how the rest of the message looks. Thread-safe.
 */
public final class ReasonTexts {
  private final TextRenderer texts;
  private final Messages messages;

  public ReasonTexts(TextRenderer texts) {
    this.texts = texts;
    this.messages = texts.messages();
  }

  /** The private answer to a member who gave or removed a reason; names the round for a debate. */
  public String reply(ReasonReply reply) {
    String reference = reply.poll().map(p -> p.reference()).orElse("?");
    String answer =
        switch (reply.status()) {
          case GIVEN -> messages.get("reason.given", reference);
          case REPLACED -> messages.get("reason.replaced", reference);
          case REMOVED -> messages.get("reason.removed", reference);
          case NONE -> messages.get("reason.none", reference);
          case NO_VOTE -> messages.get("reason.no-vote", reference);
          case POLL_CLOSED -> messages.get("vote.closed-reason");
          case UNKNOWN_POLL -> messages.get("vote.unknown-poll");
        };
    return reply
        .round()
        .map(
            round ->
                answer + " " + messages.get("vote.in-round", VoteTexts.roundName(messages, round)))
        .orElse(answer);
  }

  /** The reasons on a thesis for a moderator, newest first, each with its short id and state. */
  public String list(String reference, List<Reason> reasons) {
    if (reasons.isEmpty()) {
      return messages.get("reasons.none", reference);
    }
    List<String> lines = new ArrayList<>();
    lines.add(messages.get("reasons.title", reference, reasons.size()));
    for (Reason reason : reasons) {
      StringBuilder line = new StringBuilder("• **").append(reason.shortId()).append("**");
      reason.round().ifPresent(r -> line.append(" · ").append(VoteTexts.roundName(messages, r)));
      line.append(" · ").append(texts.dateTime(reason.givenAt()));
      if (reason.state() != ReasonState.SHOWN) {
        line.append(" · ").append(messages.get("reasons.state." + reason.state().name()));
      }
      line.append(": ").append(quote(reason.text()));
      lines.add(line.toString());
    }
    lines.add(messages.get("reasons.hint", reference));
    return String.join("\n", lines);
  }

  /** What a moderator's feature, hide or show did. */
  public String stateSet(String reference, long id, ReasonState state) {
    return messages.get("reason.set." + state.name(), "R" + id, reference);
  }

  /** The featured reasons of a thesis as quoted in the results; empty for none. */
  public String featured(List<String> featured) {
    if (featured.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(messages.get("results.featured"));
    for (String reason : featured) {
      text.append("\n> ").append(quote(reason));
    }
    return text.toString();
  }

  /** A reason between quotation marks, safe to post. */
  public String quote(String reason) {
    return messages.get("reason.quote", MentionSafety.neutralise(reason.replace('`', '\'')));
  }
}
