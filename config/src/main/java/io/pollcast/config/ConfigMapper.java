package io.pollcast.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the validated {@code pollcast} subtree into records, checking each value's meaning. */
final class ConfigMapper {
  private static final int MAX_POOL_SIZE = 64;
  private static final int MIN_OPTIONS = 2;
  private static final int MAX_OPTIONS = 5;
  private static final int MAX_OPTION_LENGTH = 40;
  private static final Duration MAX_RETENTION = Duration.ofDays(3650);
  private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration MAX_SHUTDOWN_GRACE = Duration.ofMinutes(5);
  private static final int MAX_CONNECTIONS = 100_000;
  private static final Pattern BIND_ADDRESS = Pattern.compile("[A-Za-z0-9.:%-]{1,253}");

  private static final String P = ConfigLoader.ROOT + ".";

  private final Config config;
  private final Map<String, String> env;
  private final OptionalDurations durations;

  ConfigMapper(Config config, Map<String, String> env) {
    this.config = config;
    this.env = env;
    this.durations = new OptionalDurations(config, P, this::invalid);
  }

  PollcastConfig map() {
    StorageConfig storage = storage();
    SlackConfig slack = slack();
    AdminConfig admin = admin(slack);
    return new PollcastConfig(
        language(),
        zone("time-zone"),
        storage,
        polls(),
        new PrivacyConfig(keyFile(storage), retention()),
        new ConsoleConfig(
            names("console.hosts"), names("console.moderators"), path("console.chart-dir")),
        new DiscordConfig(
            names("discord.host-roles"),
            names("discord.moderator-roles"),
            uri("discord.rest-url", "http", "https"),
            uri("discord.gateway-url", "ws", "wss"),
            shards()),
        slack,
        new FeedSettings(config, P, this::invalid).feed(),
        shutdownGrace(),
        admin,
        web(storage, admin),
        logFormat(),
        Secrets.fromEnvironment(env));
  }

  private LogFormat logFormat() {
    String value = config.getString(P + "log.format");
    try {
      return LogFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("log.format", value, "\"text\" or \"json\"");
    }
  }

  private AdminConfig admin(SlackConfig slack) {
    String value = config.getString(P + "admin.port").strip();
    String expected = "off, or a TCP port from 1 to 65535 (0 for any free port)";
    if (value.equals("off")) {
      return new AdminConfig(OptionalInt.empty(), bind("admin.bind"));
    }
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw invalid("admin.port", value, expected);
    }
    if (port < 0 || port > 65_535) {
      throw invalid("admin.port", value, expected);
    }
    if (port != 0 && slack.mode() == SlackConfig.SlackMode.HTTP && port == slack.port()) {
      throw invalid("admin.port", value, "a port other than pollcast.slack.port's");
    }
    return new AdminConfig(OptionalInt.of(port), bind("admin.bind"));
  }

  private WebConfig web(StorageConfig storage, AdminConfig admin) {
    int port = config.getInt(P + "web.port");
    if (port < 0 || port > 65_535) {
      throw invalid("web.port", port, "a TCP port from 1 to 65535, or 0 for any free port");
    }
    if (port != 0 && admin.port().orElse(0) == port) {
      throw invalid("web.port", port, "a port other than pollcast.admin.port's");
    }
    Optional<URI> publicUrl =
        config.getString(P + "web.public-url").isBlank()
            ? Optional.empty()
            : Optional.of(uri("web.public-url", "http", "https"));
    Duration ttl = config.getDuration(P + "web.link-ttl");
    if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofDays(30)) > 0) {
      throw invalid(
          "web.link-ttl", config.getString(P + "web.link-ttl"), "a duration from 1m to 30d");
    }
    return new WebConfig(
        config.getBoolean(P + "web.enabled"),
        bind("web.bind"),
        port,
        publicUrl,
        ttl,
        besideDatabase("web.key-file", storage, WebConfig.KEY_FILE_NAME),
        limits("web.server"));
  }

  private Duration shutdownGrace() {
    Duration grace = config.getDuration(P + "shutdown-grace");
    if (grace.isNegative() || grace.compareTo(MAX_SHUTDOWN_GRACE) > 0) {
      throw invalid(
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
      throw invalid("language", value, "\"nl\" or \"en\"");
    }
  }

  private ZoneId zone(String key) {
    String value = config.getString(P + key);
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw invalid(key, value, "a time zone such as \"Europe/Amsterdam\" or \"UTC\"");
    }
  }

  private StorageConfig storage() {
    String url = config.getString(P + "storage.url");
    if (!url.startsWith("jdbc:")) {
      throw invalid("storage.url", url, "a JDBC URL such as \"jdbc:h2:file:./data/pollcast\"");
    }
    int poolSize = config.getInt(P + "storage.pool-size");
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw invalid("storage.pool-size", poolSize, "a number from 1 to " + MAX_POOL_SIZE);
    }
    String password =
        Optional.ofNullable(env.get("POLLCAST_DB_PASSWORD"))
            .orElse(config.getString(P + "storage.password"));
    return new StorageConfig(url, config.getString(P + "storage.user"), password, poolSize);
  }

  /** The configured key file, else {@code voter.key} beside the H2 database file, if any. */
  private Optional<Path> keyFile(StorageConfig storage) {
    return besideDatabase("privacy.key-file", storage, PrivacyConfig.KEY_FILE_NAME);
  }

  /** The file {@code key} names, else {@code name} beside the H2 database file, if any. */
  private Optional<Path> besideDatabase(String key, StorageConfig storage, String name) {
    if (!config.getString(P + key).isBlank()) {
      return Optional.of(path(key));
    }
    return storage
        .h2File()
        .map(
            database -> {
              Path folder = database.getParent();
              return folder == null ? Path.of(name) : folder.resolve(name);
            });
  }

  private Duration retention() {
    Duration retention = config.getDuration(P + "privacy.retention");
    if (retention.isNegative() || retention.compareTo(MAX_RETENTION) > 0) {
      throw invalid(
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
      throw invalid(
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
      default -> throw invalid("polls.live-results", value, "true, false or turnout");
    };
  }

  private SlackConfig slack() {
    String mode = config.getString(P + "slack.mode");
    SlackConfig.SlackMode slackMode;
    try {
      slackMode = SlackConfig.SlackMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("slack.mode", mode, "\"socket\" or \"http\"");
    }
    int port = config.getInt(P + "slack.port");
    if (port < 0 || port > 65_535) {
      throw invalid("slack.port", port, "a TCP port from 1 to 65535, or 0 for any free port");
    }
    return new SlackConfig(
        slackMode,
        bind("slack.bind"),
        port,
        limits("slack.server"),
        names("slack.host-users"),
        names("slack.moderator-users"),
        uri("slack.api-url", "http", "https"));
  }

  private String bind(String key) {
    String value = config.getString(P + key).strip();
    if (!BIND_ADDRESS.matcher(value).matches()) {
      throw invalid(key, value, "an address such as \"0.0.0.0\" (all), \"127.0.0.1\" or \"::1\"");
    }
    return value;
  }

  private WebServerLimits limits(String key) {
    return new WebServerLimits(
        timeout(key + ".header-timeout"),
        timeout(key + ".body-timeout"),
        timeout(key + ".idle-timeout"),
        count(key + ".max-connections"),
        count(key + ".max-connections-per-address"));
  }

  private Duration timeout(String key) {
    Duration timeout = config.getDuration(P + key);
    if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw invalid(key, config.getString(P + key), "a duration from 100ms to 10m, such as 5s");
    }
    return timeout;
  }

  private int count(String key) {
    int count = config.getInt(P + key);
    if (count < 1 || count > MAX_CONNECTIONS) {
      throw invalid(key, count, "a number from 1 to " + MAX_CONNECTIONS);
    }
    return count;
  }

  private DiscordShards shards() {
    int total = config.getInt(P + "discord.shards.total");
    if (total < 1 || total > DiscordShards.MAX_TOTAL) {
      throw invalid("discord.shards.total", total, "a number from 1 to " + DiscordShards.MAX_TOTAL);
    }
    String run = config.getString(P + "discord.shards.run");
    return DiscordShards.parse(total, run)
        .orElseThrow(
            () ->
                invalid("discord.shards.run", run, DiscordShards.RUN_SYNTAX + ", below the total"));
  }

  private Set<String> names(String key) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : config.getStringList(P + key)) {
      if (name.isBlank()) {
        throw invalid(key, config.getStringList(P + key), "a list of non-empty names");
      }
      names.add(name.strip());
    }
    return names;
  }

  private Path path(String key) {
    String value = config.getString(P + key);
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw invalid(key, value, "a file path");
    }
  }

  private URI uri(String key, String... schemes) {
    String value = config.getString(P + key);
    try {
      URI uri = new URI(value);
      if (uri.getHost() != null && List.of(schemes).contains(uri.getScheme())) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw invalid(
        key, value, "an absolute URL starting with " + String.join(":// or ", schemes) + "://");
  }

  private InvalidConfigException invalid(String key, Object value, String expected) {
    String origin;
    try {
      origin = " (" + config.getValue(P + key).origin().description() + ")";
    } catch (ConfigException e) {
      origin = "";
    }
    return new InvalidConfigException(
        "Invalid setting 'pollcast."
            + key
            + "' = "
            + value
            + origin
            + ": expected "
            + expected
            + ".");
  }
}
