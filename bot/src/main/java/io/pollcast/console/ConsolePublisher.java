package io.pollcast.console;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import io.pollcast.poll.Announcement;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollView;
import io.pollcast.poll.Reminder;
import io.pollcast.text.LifecycleTexts;
import io.pollcast.text.MentionSafety;
import io.pollcast.text.TextRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Shows polls and announcements in the console chat. The console has no attachments: the chart of
 * an announcement is written to a file under the chart folder and its path printed. The console
 * cannot check whether an announcement was printed before a crash, so an announcement interrupted
 * by one is printed again. Thread-safe.
 */
public final class ConsolePublisher implements PollPublisher {
  private final ConsoleOutput output;
  private final TextRenderer texts;
  private final LifecycleTexts lifecycleTexts;
  private final Path chartDir;

  /** Prints to {@code output} and writes charts under {@code chartDir} (created when needed). */
  public ConsolePublisher(ConsoleOutput output, TextRenderer texts, Path chartDir) {
    this.output = output;
    this.texts = texts;
    this.lifecycleTexts = new LifecycleTexts(texts);
    this.chartDir = chartDir;
  }

  @Override
  public String post(Place place, PollView poll) {
    output.channel(shown(poll));
    return "console-" + poll.info().pollId();
  }

  @Override
  public void showClosed(String messageId, PollView poll) {
    output.channel(texts.messages().get("console.poll-closed", poll.info().reference()));
  }

  @Override
  public void announce(Place place, EpisodeResults results) {
    output.channel(texts.announcement(results));
  }

  @Override
  public void announce(Place place, Announcement announcement) {
    Path chart = saveChart(announcement);
    output.channel(
        lifecycleTexts.announcement(announcement) + "\n" + lifecycleTexts.chartSaved(chart));
  }

  @Override
  public void remind(Place place, Reminder reminder) {
    output.channel(lifecycleTexts.reminder(reminder));
  }

  @Override
  public void tell(Place place, String text) {
    output.channel(text);
  }

  /**
   * The console cannot change what it printed, so it prints the poll again as it stands now: the
   * corrected thesis, or a debate's next round, with how to vote.
   */
  @Override
  public void showEdited(String messageId, PollView poll) {
    output.channel(texts.messages().get("console.poll-edited", shown(poll)));
  }

  @Override
  public void showReopened(String messageId, PollView poll) {
    output.channel(lifecycleTexts.pollReopened(poll));
  }

  /** The poll as the console shows it: title, thesis, closing time and how to vote. */
  private String shown(PollView poll) {
    StringBuilder text = new StringBuilder();
    text.append(texts.pollTitle(poll)).append(": ").append(MentionSafety.neutralise(poll.text()));
    poll.closesAt()
        .ifPresent(
            at ->
                text.append("\n").append(texts.messages().get("poll.closes", texts.dateTime(at))));
    String reference = poll.info().reference();
    String hint =
        poll.info().options().stream()
            .map(option -> "/vote " + reference + " " + MentionSafety.neutralise(option))
            .collect(Collectors.joining("  |  "));
    text.append("\n").append(texts.messages().get("poll.vote-hint", hint));
    return text.toString();
  }

  private Path saveChart(Announcement announcement) {
    Path file =
        chartDir.resolve(
            "episode-" + announcement.results().episode() + "-" + announcement.id() + ".png");
    try {
      Files.createDirectories(chartDir);
      Files.write(file, announcement.chart().png());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the chart to " + file, e);
    }
    return file;
  }
}
