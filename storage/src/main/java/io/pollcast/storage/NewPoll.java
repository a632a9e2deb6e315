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
 * @param debate whether it is a debate, opening in its before round
 * @param afterAt when a debate's after round opens by itself, if scheduled
 */
public record NewPoll(
    int episodeNumber,
    int thesisNumber,
    String platform,
    String channel,
    List<String> options,
    Instant openedAt,
    Optional<Instant> closesAt,
    boolean debate,
    Optional<Instant> afterAt) {
  public NewPoll {
    options = List.copyOf(options);
  }

  /** A poll that is not a debate. */
  public NewPoll(
      int episodeNumber,
      int thesisNumber,
      String platform,
      String channel,
      List<String> options,
      Instant openedAt,
      Optional<Instant> closesAt) {
    this(
        episodeNumber,
        thesisNumber,
        platform,
        channel,
        options,
        openedAt,
        closesAt,
        false,
        Optional.empty());
  }
}
