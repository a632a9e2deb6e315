package io.pollcast.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the kinds of values that settings all over {@code pollcast} share (lists of names, URLs,
 * file paths) and builds the one error every bad value gets: the key, its value, where it was set
 * and what was expected.
 */
final class SettingReader {
  private static final String P = ConfigLoader.ROOT + ".";

  private final Config config;

  SettingReader(Config config) {
    this.config = config;
  }

  /** The names listed at {@code key}, stripped, in order, each once. */
  Set<String> names(String key) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : config.getStringList(P + key)) {
      if (name.isBlank()) {
        throw invalid(key, config.getStringList(P + key), "a list of non-empty names");
      }
      names.add(name.strip());
    }
    return names;
  }

  /** The file path at {@code key}. */
  Path path(String key) {
    String value = config.getString(P + key);
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw invalid(key, value, "a file path");
    }
  }

  /** The absolute URL at {@code key}, with one of {@code schemes} and a host. */
  URI uri(String key, String... schemes) {
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

  /** The file {@code key} names, else {@code name} beside the H2 database file, if any. */
  Optional<Path> besideDatabase(String key, StorageConfig storage, String name) {
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

  /** The error for a bad {@code value} at {@code key}, naming where it was set if known. */
  InvalidConfigException invalid(String key, Object value, String expected) {
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
