package io.pollcast.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and how the bot keeps its data.
 *
 * @param url JDBC URL; an H2 file by default
 * @param user database user
 * @param password database password (a secret: never logged, hidden from {@link #toString()})
 * @param poolSize connections kept in the pool
 */
public record StorageConfig(String url, String user, String password, int poolSize) {
  private static final String H2 = "jdbc:h2:";

  /**
   * The H2 database file a JDBC URL names, without H2's extension ({@code ./data/pollcast} for
   * {@code jdbc:h2:file:./data/pollcast;AUTO_SERVER=TRUE}); empty for PostgreSQL, an in-memory H2
   * or an H2 server reached over the network.
   */
  public static Optional<Path> h2File(String url) {
    if (!url.toLowerCase(Locale.ROOT).startsWith(H2)) {
      return Optional.empty();
    }
    String name = url.substring(H2.length());
    int settings = name.indexOf(';');
    name = settings < 0 ? name : name.substring(0, settings);
    if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
      name = name.substring("file:".length());
    } else if (name.matches("(?i)^(mem|tcp|ssl|zip|split|nio\\w*|memFS|memLZF):.*")) {
      return Optional.empty();
    }
    if (name.startsWith("~/") || name.equals("~")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    return Optional.of(Path.of(name));
  }

  /** The H2 database file of {@link #url()}, if it names one: see {@link #h2File(String)}. */
  public Optional<Path> h2File() {
    return h2File(url);
  }

  @Override
  public String toString() {
    return "StorageConfig[url="
        + url
        + ", user="
        + user
        + ", password=***, poolSize="
        + poolSize
        + "]";
  }
}
