package io.pollcast.config;

import java.util.Objects;
import java.util.Set;

/**
 * A channel named in the feed settings as {@code platform:channel id}, such as {@code
 * discord:1200000000000000001}, {@code slack:C0123ABC} or {@code console:console}.
 *
 * @param platform {@code discord}, {@code slack} or {@code console}
 * @param channel the platform's id of the channel
 */
public record FeedChannel(String platform, String channel) {
  /** The platforms a channel can be on. */
  public static final Set<String> PLATFORMS = Set.of("discord", "slack", "console");

  public FeedChannel {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(channel, "channel");
    if (!PLATFORMS.contains(platform) || channel.isBlank()) {
      throw new IllegalArgumentException("not a feed channel: " + platform + ":" + channel);
    }
  }

  @Override
  public String toString() {
    return platform + ":" + channel;
  }
}
