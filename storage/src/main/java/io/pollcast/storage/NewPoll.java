package io.pollcast.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A poll about to be opened.
 *
 * @param episodeNumber the episode
 * @param thesisNumber the thesis
 * @param platform where it is posted
 * @param channel the channel there
 * @param options its options, in button order
 * @param openedAt now
 * @param closesAt when it closes by itself, if scheduled
 */
public record NewPoll(
    int episodeNumber,
    int thesisNumber,
    String platform,
    String channel,
    List<String> options,
    Instant openedAt,
    Optional<Instant> closesAt) {
  public NewPoll {
    options = List.copyOf(options);
  }
}
