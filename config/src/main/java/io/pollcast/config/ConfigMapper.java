package io.pollcast.config;

import com.typesafe.config.Config;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the validated {@code pollcast} subtree into records, checking each value's meaning; the
 * servers' settings are read by {@link ServerSettings}, the feed's by {@link FeedSettings}.
 */
final class ConfigMapper {
  private static final int MAX_POOL_SIZE = 64;
  private static final int MIN_OPTIONS = 2;
  private static final int MAX_OPTIONS = 5;
  private static final int MAX_OPTION_LENGTH = 40;
  private static final Duration MAX_RETENTION = Duration.ofDays(3650);
  private static final Duration MAX_SHUTDOWN_GRACE = Duration.ofMinutes(5);

  private static final String P = ConfigLoader.ROOT + ".";

  private final Config config;
  private final Map<String, String> env;
  private final SettingReader read;
  private final OptionalDurations durations;
  private final ServerSettings servers;

  ConfigMapper(Config config, Map<String, String> env) {
    this.config = config;
    this.env = env;
    this.read = new SettingReader(config);
    this.durations = new OptionalDurations(config, P, read::invalid);
    this.servers = new ServerSettings(config, read);
  }

  PollcastConfig map() {
    StorageConfig storage = storage();
    SlackConfig slack = servers.slack();
    AdminConfig admin = servers.admin(slack);
    return new PollcastConfig(
        language(),
        zone("time-zone"),
        storage,
        polls(),
        new PrivacyConfig(
            read.besideDatabase("privacy.key-file", storage, PrivacyConfig.KEY_FILE_NAME),
            retention()),
        new ConsoleConfig(
            read.names("console.hosts"),
            read.names("console.moderators"),
            read.path("console.chart-dir")),
        new DiscordConfig(
            read.names("discord.host-roles"),
            read.names("discord.moderator-roles"),
            read.uri("discord.rest-url", "http", "https"),
            read.uri("discord.gateway-url", "ws", "wss"),
            shards()),
        slack,
        new FeedSettings(config, P, read::invalid).feed(),
        shutdownGrace(),
        admin,
        servers.web(storage, admin),
        logFormat(),
        Secrets.fromEnvironment(env));
  }

  private LogFormat logFormat() {
    String value = config.getString(P + "log.format");
    try {
      return LogFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw read.invalid("log.format", value, "\"text\" or \"json\"");
    }
  }

  private Duration shutdownGrace() {
    Duration grace = config.getDuration(P + "shutdown-grace");
    if (grace.isNegative() || grace.compareTo(MAX_SHUTDOWN_GRACE) > 0) {
      throw read.invalid(
          "shutdown-grace",
          config.getString(P + "shutdown-grace"),
          "a duration from 0s to 5m, such as 10s");
    }
    return grace;
  }

  private Language language() {
    String value = config.getString(P + "language");
    try {
      return Language.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw read.invalid("language", value, "\"nl\" or \"en\"");
    }
  }

  private ZoneId zone(String key) {
    String value = config.getString(P + key);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw read.invalid(key, value, "a time zone such as \"Europe/Amsterdam\" or \"UTC\"");
    }
  }

  private StorageConfig storage() {
    String url = config.getString(P + "storage.url");
    if (!url.startsWith("jdbc:")) {
      throw read.invalid("storage.url", url, "a JDBC URL such as \"jdbc:h2:file:./data/pollcast\"");
    }
    int poolSize = config.getInt(P + "storage.pool-size");
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw read.invalid("storage.pool-size", poolSize, "a number from 1 to " + MAX_POOL_SIZE);
    }
    String password =
        Optional.ofNullable(env.get("POLLCAST_DB_PASSWORD"))
            .orElse(config.getString(P + "storage.password"));
    return new StorageConfig(url, config.getString(P + "storage.user"), password, poolSize);
  }

  private Duration retention() {
    Duration retention = config.getDuration(P + "privacy.retention");
    if (retention.isNegative() || retention.compareTo(MAX_RETENTION) > 0) {
      throw read.invalid(
          "privacy.retention",
          config.getString(P + "privacy.retention"),
          "a duration from 0d to " + MAX_RETENTION.toDays() + "d, such as 30d");
    }
    return retention;
  }

  private PollsConfig polls() {
    List<String> options =
        config.getStringList(P + "polls.default-options").stream().map(String::strip).toList();
    Set<String> distinct = new HashSet<>();
    boolean valid = options.size() >= MIN_OPTIONS && options.size() <= MAX_OPTIONS;
    for (String option : options) {
      valid &= !option.isEmpty() && option.length() <= MAX_OPTION_LENGTH;
      valid &= distinct.add(option.toLowerCase(Locale.ROOT));
    }
    if (!valid) {
      throw read.invalid(
          "polls.default-options",
          options,
          MIN_OPTIONS
              + " to "
              + MAX_OPTIONS
              + " distinct options of 1 to "
              + MAX_OPTION_LENGTH
              + " characters, e.g. [Eens, Oneens]");
    }
    return new PollsConfig(
        options,
        liveResults(),
        durations.optional("polls.default-duration"),
        durations.optional("polls.reminder-before"),
        config.getBoolean(P + "polls.stance-names"));
  }

  private LiveResults liveResults() {
    String value = config.getString(P + "polls.live-results").strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "on", "yes" -> LiveResults.COUNTS;
      case "false", "off", "no" -> LiveResults.OFF;
      case "turnout" -> LiveResults.TURNOUT;
      default -> throw read.invalid("polls.live-results", value, "true, false or turnout");
    };
  }

  private DiscordShards shards() {
    int total = config.getInt(P + "discord.shards.total");
    if (total < 1 || total > DiscordShards.MAX_TOTAL) {
      throw read.invalid(
          "discord.shards.total", total, "a number from 1 to " + DiscordShards.MAX_TOTAL);
    }
    String run = config.getString(P + "discord.shards.run");
    return DiscordShards.parse(total, run)
        .orElseThrow(
            () ->
                read.invalid(
                    "discord.shards.run", run, DiscordShards.RUN_SYNTAX + ", below the total"));
  }
}
