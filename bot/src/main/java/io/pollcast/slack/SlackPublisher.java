package io.pollcast.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import io.pollcast.domain.EpisodeResults;
import io.pollcast.domain.Place;
import io.pollcast.poll.Announcement;
import io.pollcast.poll.PollPublisher;
import io.pollcast.poll.PollView;
import io.pollcast.poll.Reminder;
import java.util.List;

/**
 * Posts polls to Slack channels as Block Kit messages and edits them ({@code chat.postMessage},
 * {@code chat.update}). A poll's message id is its {@code ts}; its channel is the poll's place.
 *
 * <p>Thread-safe. Each call blocks until Slack answered and throws {@link SlackCallException} if
 * Slack refused it, so that the poll service does not record a message that does not exist.
 */
final class SlackPublisher implements PollPublisher {
  private final MethodsClient client;
  private final PollBlocks blocks;
  private final WebApi webApi;

  SlackPublisher(MethodsClient client, PollBlocks blocks, WebApi webApi) {
    this.webApi = webApi;
    this.client = client;
    this.blocks = blocks;
  }

  @Override
  public String post(Place place, PollView poll) {
    return postMessage(place.channel(), blocks.fallback(poll), blocks.poll(poll));
  }

  @Override
  public void showClosed(String messageId, PollView poll) {
    update(messageId, poll);
  }

  @Override
  public void showCounts(String messageId, PollView poll) {
    update(messageId, poll);
  }

  @Override
  public void announce(Place place, EpisodeResults results) {
    String fallback = blocks.announcementFallback(results);
    for (List<LayoutBlock> message : blocks.announcement(results)) {
      postMessage(place.channel(), fallback, message);
    }
  }

  /**
   * Posts the announcement and uploads its chart into the channel. Slack cannot refuse a second
   * post with the same key, so a redelivery after a crash at the wrong moment can post twice.
   */
  @Override
  public void announce(Place place, Announcement announcement) {
    EpisodeResults results = announcement.results();
    String fallback = blocks.announcementFallback(results);
    for (List<LayoutBlock> message : blocks.announcement(announcement)) {
      postMessage(place.channel(), fallback, message);
    }
    webApi.call(
        "files.uploadV2",
        () ->
            client.filesUploadV2(
                r ->
                    r.channel(place.channel())
                        .filename("pollcast-" + results.episode() + ".png")
                        .title(fallback)
                        .fileData(announcement.chart().png())));
  }

  /** Posts the reminder that the polls close soon. */
  @Override
  public void remind(Place place, Reminder reminder) {
    String text = blocks.reminder(reminder);
    webApi.call(
        "chat.postMessage",
        () ->
            client.chatPostMessage(r -> r.channel(place.channel()).text(text).unfurlLinks(false)));
  }

  /** Posts a notice of the bot's own. */
  @Override
  public void tell(Place place, String text) {
    webApi.call(
        "chat.postMessage",
        () ->
            client.chatPostMessage(r -> r.channel(place.channel()).text(text).unfurlLinks(false)));
  }

  /** Shows the corrected thesis and context in the poll's message. */
  @Override
  public void showEdited(String messageId, PollView poll) {
    update(messageId, poll);
  }

  /** Shows the buttons again: the poll takes votes. */
  @Override
  public void showReopened(String messageId, PollView poll) {
    update(messageId, poll);
  }

  private String postMessage(String channel, String text, List<LayoutBlock> message) {
    return webApi
        .call(
            "chat.postMessage",
            () ->
                client.chatPostMessage(
                    r ->
                        r.channel(channel)
                            .text(text)
                            .blocks(message)
                            .unfurlLinks(false)
                            .unfurlMedia(false)))
        .getTs();
  }

  private void update(String ts, PollView poll) {
    String channel = poll.info().place().channel();
    webApi.call(
        "chat.update",
        () ->
            client.chatUpdate(
                r ->
                    r.channel(channel)
                        .ts(ts)
                        .text(blocks.fallback(poll))
                        .blocks(blocks.poll(poll))));
  }
}
