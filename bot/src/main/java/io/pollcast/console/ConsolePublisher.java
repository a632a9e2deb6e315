package io.pollcast.console;

import io.pollcast.poll.EpisodeResults;
import io.pollcast.poll.Place;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollView;
import io.pollcast.text.MentionSafety;
import io.pollcast.text.TextRenderer;
import java.util.stream.Collectors;

/** Shows polls and announcements in the console chat. Thread-safe. */
public final class ConsolePublisher implements PollPublisher {
  private final ConsoleOutput output;
  private final TextRenderer texts;

  public ConsolePublisher(ConsoleOutput output, TextRenderer texts) {
    this.output = output;
    this.texts = texts;
  }

  @Override
  public String post(Place place, PollView poll) {
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
    output.channel(text.toString());
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
}
