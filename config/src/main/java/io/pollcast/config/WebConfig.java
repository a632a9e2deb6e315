package io.pollcast.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard and overlay web server ({@code pollcast.web}).
 *
 * @param enabled whether the bot serves them at all
 * @param bind the address it listens on, 127.0.0.1 unless configured otherwise
 * @param port the TCP port, 0 for any free port
 * @param publicUrl the address people reach it at behind a proxy (links are built on it), if set
 * @param linkTtl how long a link from {@code /poll dashboard} or {@code /poll overlay} works
 * @param keyFile where the key that signs links is kept: {@code pollcast.web.key-file}, else {@code
 *     web.key} beside the H2 database file; empty when neither applies (a key for this run only)
 * @param limits what the server allows a client
 */
public record WebConfig(
    boolean enabled,
    String bind,
    int port,
    Optional<URI> publicUrl,
    Duration linkTtl,
    Optional<Path> keyFile,
    WebServerLimits limits) {

  /** The file name of the link key beside an H2 database. */
  public static final String KEY_FILE_NAME = "web.key";
}
