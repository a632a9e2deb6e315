package io.pollcast.config;

import java.time.Duration;
import java.time.ZoneId;

/**
 * All of Pollcast's settings, loaded once at start-up by {@link ConfigLoader} and immutable
 * afterwards. Safe to share between threads.
 *
 * @param shutdownGrace how long a stopping bot lets the interactions in hand finish
 * @param admin where the health and metrics endpoints listen, if anywhere
 * @param web the dashboard and overlay server
 * @param logFormat how log lines look
 */
public record PollcastConfig(
    Language language,
    ZoneId timeZone,
    StorageConfig storage,
    PollsConfig polls,
    PrivacyConfig privacy,
    ConsoleConfig console,
    DiscordConfig discord,
    SlackConfig slack,
    FeedConfig feed,
    Duration shutdownGrace,
    AdminConfig admin,
    WebConfig web,
    LogFormat logFormat,
    Secrets secrets) {

  /** The same settings on another database (the demo's in-memory one, say). */
  public PollcastConfig withStorage(StorageConfig other) {
    return new PollcastConfig(
        language,
        timeZone,
        other,
        polls,
        privacy,
        console,
        discord,
        slack,
        FeedConfig.off(),
        shutdownGrace,
        admin,
        web,
        logFormat,
        secrets);
  }
}
