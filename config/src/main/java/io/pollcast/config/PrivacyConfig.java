package io.pollcast.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How Pollcast protects voters: where the pseudonym key lives when it is not given in the
 * environment, and how long per-voter rows are kept after a poll closes.
 *
 * @param keyFile file with the secret key, created with owner-only permissions when first needed:
 *     {@code pollcast.privacy.key-file}, else {@code voter.key} beside the H2 database file; empty
 *     when neither applies (PostgreSQL without a key file), so that only {@code POLLCAST_VOTER_KEY}
 *     can give the key
 * @param retention how long after a poll closes its per-voter rows are removed, leaving only the
 *     counts; zero or more
 */
public record PrivacyConfig(Optional<Path> keyFile, Duration retention) {

  /** The file name of the key beside an H2 database. */
  public static final String KEY_FILE_NAME = "voter.key";
}
