package io.pollcast.config;

import java.time.ZoneId;

/**
 * All of Pollcast's settings, loaded once at start-up by {@link ConfigLoader} and immutable
 * afterwards. Safe to share between threads.
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
    Secrets secrets) {}
