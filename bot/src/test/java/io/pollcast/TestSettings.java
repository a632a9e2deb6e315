package io.pollcast;

import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.config.StorageConfig;
import io.pollcast.domain.Platform;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.storage.Engine;
import io.pollcast.storage.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Settings for tests: a real database (H2 in memory or in a temporary folder, or PostgreSQL) and a
 * fixed key.
 */
public final class TestSettings {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  /** A fixed voter key (base64 of 32 bytes), so tests never touch a key file. */
  public static final String VOTER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

  private TestSettings() {}

  /** Environment variables that put the database in {@code dir} and fix the voter key. */
  public static Map<String, String> fileEnv(Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put(
        "CONFIG_FORCE_pollcast_storage_url",
        "jdbc:h2:file:" + dir.resolve("pollcast").toAbsolutePath() + ";AUTO_SERVER=TRUE");
    env.put("CONFIG_FORCE_pollcast_privacy_key__file", dir.resolve("voter.key").toString());
    env.put("CONFIG_FORCE_pollcast_console_chart__dir", dir.resolve("charts").toString());
    env.put("POLLCAST_VOTER_KEY", VOTER_KEY);
    env.put("CONFIG_FORCE_pollcast_web_port", "0");
    return env;
  }

  /**
   * Environment variables for a new database on {@code engine}: an H2 file in {@code dir}, or a new
   * schema on the tests' PostgreSQL server; the key file and charts go to {@code dir}.
   */
  public static Map<String, String> env(Engine engine, Path dir) {
    Map<String, String> env = fileEnv(dir);
    if (engine == Engine.POSTGRESQL) {
      StorageConfig storage = TestDatabases.fresh(engine);
      env.put("CONFIG_FORCE_pollcast_storage_url", storage.url());
      env.put("CONFIG_FORCE_pollcast_storage_user", storage.user());
    }
    return env;
  }

  /** Settings with a fresh in-memory database, plus any extra overrides. */
  public static PollcastConfig inMemory(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(extra);
    env.put(
        "CONFIG_FORCE_pollcast_storage_url",
        "jdbc:h2:mem:bot-test-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    env.put("POLLCAST_VOTER_KEY", VOTER_KEY);
    env.putIfAbsent("CONFIG_FORCE_pollcast_web_port", "0");
    return ConfigLoader.load(Optional.empty(), env);
  }

  /**
   * Pollcast on a fresh in-memory database with the fixed key and the system clock, posting to the
   * console only, into a {@link RecordingPublisher} that no test reads back.
   */
  public static Pollcast consoleInMemory() {
    return Pollcast.open(
        inMemory(Map.of()),
        key(),
        Clock.systemUTC(),
        Map.of(Platform.CONSOLE, new RecordingPublisher()));
  }

  /** The fixed voter key as bytes. */
  public static byte[] key() {
    return java.util.Base64.getDecoder().decode(VOTER_KEY);
  }
}
