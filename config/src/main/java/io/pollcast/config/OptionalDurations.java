package io.pollcast.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads settings that are either a duration ({@code 3d}, {@code 12h}, {@code 90m}, {@code "2
 * days"}) or {@code off}. A duration must be from one minute to 365 days.
 */
final class OptionalDurations {
  static final Duration MIN = Duration.ofMinutes(1);
  static final Duration MAX = Duration.ofDays(365);
  private static final Set<String> OFF = Set.of("off", "none");
  private static final String EXPECTED =
      "off, or a duration from 1 minute to 365 days such as 3d, 12h or 90m";

  /** Builds the exception that names a key, its value and what was expected. */
  interface Invalid {
    InvalidConfigException of(String key, Object value, String expected);
  }

  private final Config config;
  private final String prefix;
  private final Invalid invalid;

  OptionalDurations(Config config, String prefix, Invalid invalid) {
    this.config = config;
    this.prefix = prefix;
    this.invalid = invalid;
  }

  /** The duration at {@code key}, or empty when it is {@code off}. */
  Optional<Duration> optional(String key) {
    String path = prefix + key;
    Object raw = config.getValue(path).unwrapped();
    if (config.getValue(path).valueType() == ConfigValueType.STRING
        && OFF.contains(config.getString(path).strip().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    Duration duration;
    try {
      duration = config.getDuration(path);
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      throw invalid.of(key, raw, EXPECTED);
    }
    if (duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
      throw invalid.of(key, raw, EXPECTED);
    }
    return Optional.of(duration);
  }
}
