package io.pollcast.text;

import io.pollcast.privacy.ForgetReport;
import io.pollcast.privacy.HeldReason;
import io.pollcast.privacy.HeldVote;
import io.pollcast.privacy.MemberData;
import java.util.ArrayList;
import java.util.List;

/** The private answers to {@code /poll my-data} and {@code /poll forget-me}. Thread-safe. */
public final class PrivacyTexts {
  private final TextRenderer texts;
  private final Messages messages;

  public PrivacyTexts(TextRenderer texts) {
    this.texts = texts;
    this.messages = texts.messages();
  }

  /** Everything held about the member, and what is not held. */
  public String myData(MemberData data) {
    List<String> lines = new ArrayList<>();
    lines.add(messages.get("my-data.title", data.platform().id()));
    if (data.votes().isEmpty()) {
      lines.add(messages.get("my-data.no-votes"));
    }
    for (HeldVote vote : data.votes()) {
      String option =
          MentionSafety.neutralise(vote.option())
              + vote.round().map(r -> " · " + VoteTexts.roundName(messages, r)).orElse("");
      lines.add(
          vote.closedAt()
              .map(
                  at ->
                      messages.get(
                          "my-data.closed-vote",
                          vote.poll().reference(),
                          option,
                          texts.dateTime(at)))
              .orElseGet(() -> messages.get("my-data.open-vote", vote.poll().reference(), option)));
    }
    ReasonTexts reasons = new ReasonTexts(texts);
    for (HeldReason reason : data.reasons()) {
      lines.add(
          messages.get(
              "my-data.reason",
              reason.poll().reference()
                  + reason.round().map(r -> " · " + VoteTexts.roundName(messages, r)).orElse(""),
              reasons.quote(reason.text())));
    }
    if (data.auditEntries() > 0) {
      lines.add(messages.get("my-data.audit", data.auditEntries()));
    }
    lines.add(
        messages.get(
            data.auditEntries() > 0 ? "my-data.nothing-else-audit" : "my-data.nothing-else"));
    if (!data.votes().isEmpty() || !data.reasons().isEmpty()) {
      lines.add(messages.get("my-data.forget-hint"));
    }
    return String.join("\n", lines);
  }

  /** What forgetting removed. */
  public String forgotten(ForgetReport report) {
    List<String> lines = new ArrayList<>();
    lines.add(
        report.nothing()
            ? messages.get("forget-me.nothing")
            : messages.get("forget-me.done", report.withdrawn(), report.detached()));
    if (report.reasons() > 0) {
      lines.add(messages.get("forget-me.reasons", report.reasons()));
    }
    if (report.auditEntries() > 0) {
      lines.add(messages.get("forget-me.audit-kept", report.auditEntries()));
    }
    return String.join("\n", lines);
  }
}
