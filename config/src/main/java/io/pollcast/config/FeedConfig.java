package io.pollcast.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Following the podcast's own feed (RSS or Atom) for new episodes.
 *
 * @param url the feed; empty when Pollcast follows no feed
 * @param interval how often the feed is checked
 * @param autoStart whether the polls of a new episode are posted in {@code channels} at once
 * @param channels where new episodes' polls are posted when {@code autoStart} is on
 * @param notifyChannels where hosts are told that a new episode came in, when {@code autoStart} is
 *     off
 */
public record FeedConfig(
    Optional<URI> url,
    Duration interval,
    boolean autoStart,
    List<FeedChannel> channels,
    List<FeedChannel> notifyChannels) {
  public FeedConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(interval, "interval");
    channels = List.copyOf(channels);
    notifyChannels = List.copyOf(notifyChannels);
  }

  /** No feed. */
  public static FeedConfig off() {
    return new FeedConfig(Optional.empty(), Duration.ofMinutes(15), false, List.of(), List.of());
  }
}
