package io.pollcast.text;

import io.pollcast.domain.PollInfo;
import io.pollcast.poll.Announcement;
import io.pollcast.poll.PollView;
import io.pollcast.poll.Reminder;
import io.pollcast.poll.ReopenReport;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The texts of a poll's life after it starts: announcements (first or updated), reminders,
 * reopening, and where a chart was saved. Light markdown, like {@link TextRenderer}. Thread-safe.
 */
public final class LifecycleTexts {
  private final TextRenderer texts;
  private final Messages messages;

  public LifecycleTexts(TextRenderer texts) {
    this.texts = texts;
    this.messages = texts.messages();
  }

  /** The announcement text; an update after a reopen says so first. */
  public String announcement(Announcement announcement) {
    String text = texts.announcement(announcement.results());
    if (!announcement.updated()) {
      return text;
    }
    return "**"
        + messages.get("results.updated", String.valueOf(announcement.results().episode()))
        + "**\n"
        + text;
  }

  /** Where the chart of an announcement was saved (the console has no attachments). */
  public String chartSaved(Path file) {
    return messages.get("results.chart-file", file.toString());
  }

  /** The reminder that polls close soon, with the vote commands of the console and Slack. */
  public String reminder(Reminder reminder) {
    String theses =
        reminder.polls().stream().map(PollInfo::reference).collect(Collectors.joining(", "));
    return messages.get(
        "reminder.text",
        String.valueOf(reminder.episode()),
        reminder.title(),
        texts.dateTime(reminder.closesAt()),
        theses);
  }

  /** A poll that takes votes again. */
  public String pollReopened(PollView poll) {
    return messages.get("poll.reopened", poll.info().reference());
  }

  /** What reopening did, for the host. */
  public String reopened(ReopenReport report) {
    String text =
        messages.get("reopen.done", String.valueOf(report.episode()), report.reopenedPolls());
    return report
        .closesAt()
        .map(at -> text + "\n" + messages.get("start.closes", texts.dateTime(at)))
        .orElse(text);
  }
}
