package io.pollcast.config;

import com.typesafe.config.Config;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads and checks the settings of the HTTP servers the bot can run: Slack's endpoint in HTTP mode
 * (with the rest of {@code pollcast.slack}), the admin endpoint and the web dashboard. Each has a
 * bind address, a port that none of the others uses, and limits on slow or many connections.
 */
final class ServerSettings {
  private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
  private static final int MAX_CONNECTIONS = 100_000;
  private static final Pattern BIND_ADDRESS = Pattern.compile("[A-Za-z0-9.:%-]{1,253}");
  private static final String P = ConfigLoader.ROOT + ".";

  private final Config config;
  private final SettingReader read;

  ServerSettings(Config config, SettingReader read) {
    this.config = config;
    this.read = read;
  }

  SlackConfig slack() {
    String mode = config.getString(P + "slack.mode");
    SlackConfig.SlackMode slackMode;
    try {
      slackMode = SlackConfig.SlackMode.valueOf(mode.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw read.invalid("slack.mode", mode, "\"socket\" or \"http\"");
    }
    int port = port("slack.port");
    return new SlackConfig(
        slackMode,
        bind("slack.bind"),
        port,
        limits("slack.server"),
        read.names("slack.host-users"),
        read.names("slack.moderator-users"),
        read.uri("slack.api-url", "http", "https"));
  }

  AdminConfig admin(SlackConfig slack) {
    String value = config.getString(P + "admin.port").strip();
    String expected = "off, or a TCP port from 1 to 65535 (0 for any free port)";
    if (value.equals("off")) {
      return new AdminConfig(OptionalInt.empty(), bind("admin.bind"));
    }
    int port;
    try {
      port = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw read.invalid("admin.port", value, expected);
    }
    if (port < 0 || port > 65_535) {
      throw read.invalid("admin.port", value, expected);
    }
    if (port != 0 && slack.mode() == SlackConfig.SlackMode.HTTP && port == slack.port()) {
      throw read.invalid("admin.port", value, "a port other than pollcast.slack.port's");
    }
    return new AdminConfig(OptionalInt.of(port), bind("admin.bind"));
  }

  WebConfig web(StorageConfig storage, AdminConfig admin) {
    int port = port("web.port");
    if (port != 0 && admin.port().orElse(0) == port) {
      throw read.invalid("web.port", port, "a port other than pollcast.admin.port's");
    }
    Optional<URI> publicUrl =
        config.getString(P + "web.public-url").isBlank()
            ? Optional.empty()
            : Optional.of(read.uri("web.public-url", "http", "https"));
    Duration ttl = config.getDuration(P + "web.link-ttl");
    if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(Duration.ofDays(30)) > 0) {
      throw read.invalid(
          "web.link-ttl", config.getString(P + "web.link-ttl"), "a duration from 1m to 30d");
    }
    return new WebConfig(
        config.getBoolean(P + "web.enabled"),
        bind("web.bind"),
        port,
        publicUrl,
        ttl,
        read.besideDatabase("web.key-file", storage, WebConfig.KEY_FILE_NAME),
        limits("web.server"));
  }

  private int port(String key) {
    int port = config.getInt(P + key);
    if (port < 0 || port > 65_535) {
      throw read.invalid(key, port, "a TCP port from 1 to 65535, or 0 for any free port");
    }
    return port;
  }

  private String bind(String key) {
    String value = config.getString(P + key).strip();
    if (!BIND_ADDRESS.matcher(value).matches()) {
      throw read.invalid(
          key, value, "an address such as \"0.0.0.0\" (all), \"127.0.0.1\" or \"::1\"");
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
      throw read.invalid(
          key, config.getString(P + key), "a duration from 100ms to 10m, such as 5s");
    }
    return timeout;
  }

  private int count(String key) {
    int count = config.getInt(P + key);
    if (count < 1 || count > MAX_CONNECTIONS) {
      throw read.invalid(key, count, "a number from 1 to " + MAX_CONNECTIONS);
    }
    return count;
  }
}
