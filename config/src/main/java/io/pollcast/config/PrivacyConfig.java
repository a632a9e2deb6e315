package io.pollcast.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How Pollcast protects voters: where the pseudonym key lives when it is not given in the
 * environment, and how long per-voter rows are kept after a poll closes.
 *
 * @param keyFile file with the secret key, created with owner-only permissions on first start
 * @param retention how long after a poll closes its per-voter rows are removed, leaving only the
 *     counts; zero or more
 */
public record PrivacyConfig(Path keyFile, Duration retention) {}
