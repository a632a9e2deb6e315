package io.pollcast.config;

import java.nio.file.Path;

/**
 * Where the pseudonym key lives when it is not given in the environment.
 *
 * @param keyFile file with the secret key, created with owner-only permissions on first start
 */
public record PrivacyConfig(Path keyFile) {}
