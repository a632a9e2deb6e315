package io.pollcast.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and checks the {@code pollcast.feed} settings. */
final class FeedSettings {
  private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
  private static final Duration MAX_INTERVAL = Duration.ofDays(1);
  private static final String CHANNEL =
      "\"platform:channel id\", e.g. \"discord:1200000000000000001\"";

  private final Config config;
  private final String prefix;
  private final OptionalDurations.Invalid invalid;

  FeedSettings(Config config, String prefix, OptionalDurations.Invalid invalid) {
    this.config = config;
    this.prefix = prefix;
    this.invalid = invalid;
  }

  FeedConfig feed() {
    boolean autoStart = config.getBoolean(prefix + "feed.auto-start");
    List<FeedChannel> channels = channels("feed.channels");
    if (autoStart && channels.isEmpty()) {
      throw invalid.of(
          "feed.channels", "[]", "at least one channel when pollcast.feed.auto-start is true");
    }
    return new FeedConfig(url(), interval(), autoStart, channels, channels("feed.notify"));
  }

  private Optional<URI> url() {
    String value = config.getString(prefix + "feed.url").strip();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value);
      if (uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw invalid.of("feed.url", value, "\"\" or an http:// or https:// URL of the feed");
  }

  private Duration interval() {
    String key = "feed.interval";
    Duration interval;
    try {
      interval = config.getDuration(prefix + key);
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      interval = Duration.ZERO;
    }
    if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      throw invalid.of(
          key,
          config.getValue(prefix + key).unwrapped(),
          "a duration from 1 minute to 1 day, such as 15m");
    }
    return interval;
  }

  private List<FeedChannel> channels(String key) {
    List<FeedChannel> channels = new ArrayList<>();
    for (String value : config.getStringList(prefix + key)) {
      int colon = value.indexOf(':');
      String platform = colon < 0 ? "" : value.substring(0, colon).strip();
      String channel = colon < 0 ? "" : value.substring(colon + 1).strip();
      if (!FeedChannel.PLATFORMS.contains(platform) || channel.isEmpty()) {
        throw invalid.of(key, value, CHANNEL + ", \"slack:C0123ABC\" or \"console:console\"");
      }
      channels.add(new FeedChannel(platform, channel));
    }
    return channels;
  }
}
