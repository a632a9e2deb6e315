package io.pollcast.discord;

import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import io.pollcast.poll.Announcement;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollView;
import io.pollcast.poll.Reminder;
import java.util.function.Supplier;

/**
 * Posts through the Discord session that is up in this process, whichever it is at the moment;
 * refuses, with a clear error, while this process stands by for another that holds the gateway.
 */
final class GatewayPublisher implements PollPublisher {
  private final Supplier<DiscordBot> session;

  GatewayPublisher(Supplier<DiscordBot> session) {
    this.session = session;
  }

  @Override
  public boolean available() {
    DiscordBot bot = session.get();
    return bot != null && bot.connected();
  }

  private PollPublisher current() {
    DiscordBot bot = session.get();
    if (bot == null) {
      throw new IllegalStateException(
          "Not connected to Discord: another Pollcast process holds the gateway");
    }
    return bot.publisher();
  }

  @Override
  public String post(Place place, PollView poll) {
    return current().post(place, poll);
  }

  @Override
  public void showClosed(String messageId, PollView poll) {
    current().showClosed(messageId, poll);
  }

  @Override
  public void announce(Place place, EpisodeResults results) {
    current().announce(place, results);
  }

  @Override
  public void announce(Place place, Announcement announcement) {
    current().announce(place, announcement);
  }

  @Override
  public void remind(Place place, Reminder reminder) {
    current().remind(place, reminder);
  }

  @Override
  public void tell(Place place, String text) {
    current().tell(place, text);
  }

  @Override
  public void showReopened(String messageId, PollView poll) {
    current().showReopened(messageId, poll);
  }

  @Override
  public void showEdited(String messageId, PollView poll) {
    current().showEdited(messageId, poll);
  }

  @Override
  public void showCounts(String messageId, PollView poll) {
    current().showCounts(messageId, poll);
  }
}
