package io.pollcast.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Loads the settings once: the commented {@code reference.conf} defaults, overridden by the user's
 * file, overridden by {@code CONFIG_FORCE_*} environment variables; then refuses unknown keys and
 * malformed values with a message that names the key, and maps the result to immutable records.
 */
public final class ConfigLoader {
  static final String ROOT = "pollcast";
  private static final String ENV_OVERRIDE_PREFIX = "CONFIG_FORCE_";

  private ConfigLoader() {}

  /**
   * Loads the settings.
   *
   * @param userFile the user's HOCON file, if any
   * @param env the process environment (secrets and overrides are read from it)
   * @throws InvalidConfigException naming the offending key
   */
  public static PollcastConfig load(Optional<Path> userFile, Map<String, String> env) {
    Config user = userFile.map(ConfigLoader::parseUserFile).orElse(ConfigFactory.empty());
    return load(user, env);
  }

  /** Loads the settings with the given overrides in place of a user's file (tests, embedding). */
  public static PollcastConfig load(Config userOverrides, Map<String, String> env) {
    Config reference =
        ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), "reference.conf");
    Config overrides = environmentOverrides(env).withFallback(userOverrides);
    rejectUnknownKeys(overrides, reference);
    Config merged;
    try {
      merged = overrides.withFallback(reference).resolve();
      merged.checkValid(reference, ROOT);
    } catch (ConfigException.ValidationFailed e) {
      throw new InvalidConfigException(describe(e));
    } catch (ConfigException e) {
      throw new InvalidConfigException("Invalid configuration: " + e.getMessage());
    }
    try {
      return new ConfigMapper(merged, env).map();
    } catch (ConfigException e) {
      throw new InvalidConfigException("Invalid configuration: " + e.getMessage());
    }
  }

  private static Config parseUserFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidConfigException("Config file not found: " + file);
    }
    try {
      return ConfigFactory.parseFile(
          file.toFile(),
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
    } catch (ConfigException e) {
      throw new InvalidConfigException(
          "Config file " + file + " cannot be read: " + e.getMessage());
    }
  }

  /** Maps {@code CONFIG_FORCE_a_b__c=v} to {@code a.b-c=v}, Typesafe Config's own convention. */
  static Config environmentOverrides(Map<String, String> env) {
    Map<String, String> paths =
        env.entrySet().stream()
            .filter(e -> e.getKey().startsWith(ENV_OVERRIDE_PREFIX))
            .collect(
                Collectors.toMap(
                    e -> toPath(e.getKey().substring(ENV_OVERRIDE_PREFIX.length())),
                    Map.Entry::getValue));
    return ConfigFactory.parseMap(paths, "environment variables");
  }

  private static String toPath(String name) {
    return name.replace("___", "\u0000")
        .replace("__", "-")
        .replace('_', '.')
        .replace('\u0000', '_');
  }

  private static void rejectUnknownKeys(Config overrides, Config reference) {
    for (String key : overrides.root().keySet()) {
      if (!ROOT.equals(key)) {
        throw new InvalidConfigException(
            "Unknown setting '" + key + "': every setting lives under '" + ROOT + "'.");
      }
    }
    for (var entry : overrides.entrySet()) {
      String key = entry.getKey();
      if (!reference.hasPathOrNull(key) && !isInsideKnownList(key, reference)) {
        throw new InvalidConfigException(
            "Unknown setting '"
                + key
                + "' ("
                + entry.getValue().origin().description()
                + "). Known settings there: "
                + knownSiblings(key, reference)
                + ".");
      }
    }
  }

  private static boolean isInsideKnownList(String key, Config reference) {
    int dot = key.lastIndexOf('.');
    return dot > 0
        && reference.hasPath(key.substring(0, dot))
        && reference.getValue(key.substring(0, dot)).valueType()
            == com.typesafe.config.ConfigValueType.LIST;
  }

  private static String knownSiblings(String key, Config reference) {
    String parent = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : ROOT;
    while (!reference.hasPath(parent) && parent.contains(".")) {
      parent = parent.substring(0, parent.lastIndexOf('.'));
    }
    if (!reference.hasPath(parent)) {
      return ROOT;
    }
    String prefix = parent;
    return new TreeSet<>(reference.getObject(parent).keySet())
        .stream().map(k -> prefix + "." + k).collect(Collectors.joining(", "));
  }

  private static String describe(ConfigException.ValidationFailed e) {
    List<String> problems = new java.util.ArrayList<>();
    for (ConfigException.ValidationProblem problem : e.problems()) {
      problems.add(
          "'"
              + problem.path()
              + "' "
              + problem.problem()
              + " ("
              + problem.origin().description()
              + ")");
    }
    return "Invalid configuration: " + String.join("; ", problems);
  }
}
