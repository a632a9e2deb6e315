package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.LocalOperator;
import io.pollcast.LogCapture;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.StorageConfig;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every secret: start-up fails in every way we can provoke while the secret is set, and the
 * secret appears nowhere in standard output, standard error or the log (all loggers, INFO and up,
 * exceptions and their causes included).
 */
final class SecretsNeverEchoedTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String VOTER_KEY = "POLLCAST_VOTER_KEY";
  private static final String DB_PASSWORD = "POLLCAST_DB_PASSWORD";

  /** Ways to make start-up fail. */
  enum Failure {
    UNKNOWN_SETTING,
    MALFORMED_SETTING,
    VOTER_KEY_NOT_BASE64,
    VOTER_KEY_TOO_SHORT,
    VOTER_KEY_OF_OTHER_POLLS,
    DATABASE_UNREACHABLE,
    DATABASE_PASSWORD_WRONG
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String secret :
        List.of(
            "DISCORD_TOKEN",
            "SLACK_BOT_TOKEN",
            "SLACK_APP_TOKEN",
            "SLACK_SIGNING_SECRET",
            VOTER_KEY,
            DB_PASSWORD)) {
      for (Failure failure : Failure.values()) {
        cases.add(Arguments.of(secret, failure));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} set, {1}")
  @MethodSource("cases")
  void theSecretIsNeverEchoed(String secret, Failure failure, @TempDir Path dir) throws Exception {
    Map<String, String> env = new HashMap<>(TestSettings.fileEnv(dir));
    env.put("CONFIG_FORCE_pollcast_discord_rest__url", "http://127.0.0.1:9/api/");
    env.put("CONFIG_FORCE_pollcast_discord_gateway__url", "ws://127.0.0.1:9/");
    env.put("CONFIG_FORCE_pollcast_slack_api__url", "http://127.0.0.1:9/api/");
    String value = secretValue(secret, failure);
    env.put(secret, value);
    List<String> args = new ArrayList<>();
    provoke(failure, secret, env, dir, args);

    List<CliRun> runs = new ArrayList<>();
    String logs;
    try (LogCapture log = LogCapture.open()) {
      runs.add(CliRun.of(env, "", withArgs(args, "run")));
      runs.add(CliRun.of(env, "", withArgs(args, "import", showNotes(dir).toString())));
      logs = log.text();
    }

    // run may stop earlier for a platform's own reason; import, which needs the voter key and the
    // database, always meets the provoked failure (tally needs no key any more)
    assertThat(runs.get(1).err()).as("the explanation").contains(explanation(failure, secret));
    for (CliRun run : runs) {
      assertThat(run.exitCode()).as("exit code, stderr: %s", run.err()).isNotZero();
      assertThat(run.err()).as("an explanation").isNotBlank();
      assertThat(run.out()).doesNotContain(value);
      assertThat(run.err()).doesNotContain(value);
    }
    assertThat(logs).doesNotContain(value);
  }

  /** The example episode's show notes, as a file to import. */
  private static Path showNotes(Path dir) throws java.io.IOException {
    Path file = dir.resolve("episode-068.txt");
    try (var in = SecretsNeverEchoedTest.class.getResourceAsStream("/episodes/episode-068.txt")) {
      java.nio.file.Files.copy(java.util.Objects.requireNonNull(in), file);
    }
    return file;
  }

  /** What the error message says, so that the test knows it provoked the failure it meant to. */
  private static String explanation(Failure failure, String secret) {
    return switch (failure) {
      case UNKNOWN_SETTING -> "Unknown setting 'pollcast.storage.passwrd'";
      case MALFORMED_SETTING -> "pollcast.storage.pool-size";
      case VOTER_KEY_NOT_BASE64 -> "POLLCAST_VOTER_KEY is not valid base64";
      case VOTER_KEY_TOO_SHORT -> "POLLCAST_VOTER_KEY must hold at least 32 bytes";
      case VOTER_KEY_OF_OTHER_POLLS ->
          secret.equals(DB_PASSWORD) ? "Wrong user name or password" : "open polls of episode 68";
      case DATABASE_UNREACHABLE -> "127.0.0.1:9";
      case DATABASE_PASSWORD_WRONG -> "Wrong user name or password";
    };
  }

  private static String[] withArgs(List<String> args, String... command) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(args);
    return all.toArray(String[]::new);
  }

  private static String secretValue(String secret, Failure failure) {
    String random = HexFormat.of().formatHex(bytes(12));
    if (!secret.equals(VOTER_KEY)) {
      return "S3cr3t-" + secret + "-" + random;
    }
    return switch (failure) {
      case VOTER_KEY_NOT_BASE64 -> "S3cr3t!voter*key" + random;
      case VOTER_KEY_TOO_SHORT -> Base64.getEncoder().encodeToString(bytes(16));
      default -> Base64.getEncoder().encodeToString(bytes(32));
    };
  }

  private static void provoke(
      Failure failure, String secret, Map<String, String> env, Path dir, List<String> args)
      throws Exception {
    switch (failure) {
      case UNKNOWN_SETTING -> {
        Path config = dir.resolve("bad.conf");
        Files.writeString(config, "pollcast.storage.passwrd = oops\n");
        args.addAll(List.of("--config", config.toString()));
      }
      case MALFORMED_SETTING -> env.put("CONFIG_FORCE_pollcast_storage_pool__size", "0");
      case VOTER_KEY_NOT_BASE64 -> {
        if (!secret.equals(VOTER_KEY)) {
          env.put(VOTER_KEY, "not*base64");
        }
      }
      case VOTER_KEY_TOO_SHORT -> {
        if (!secret.equals(VOTER_KEY)) {
          env.put(VOTER_KEY, "c2hvcnQ=");
        }
      }
      case VOTER_KEY_OF_OTHER_POLLS -> {
        openPollsWithAnotherKey(env);
        if (!secret.equals(VOTER_KEY)) {
          env.put(VOTER_KEY, Base64.getEncoder().encodeToString(bytes(32)));
        }
      }
      case DATABASE_UNREACHABLE ->
          env.put("CONFIG_FORCE_pollcast_storage_url", "jdbc:h2:tcp://127.0.0.1:9/nothing");
      case DATABASE_PASSWORD_WRONG -> {
        var config = ConfigLoader.load(Optional.empty(), env).storage();
        try (Database db =
            Database.open(
                new StorageConfig(config.url(), config.user(), "the-right-password", 4))) {
          db.episodes().any();
        }
        env.putIfAbsent(DB_PASSWORD, "a-wrong-password");
      }
    }
  }

  private static void openPollsWithAnotherKey(Map<String, String> env) {
    Map<String, String> plain = new HashMap<>(env);
    plain.remove(DB_PASSWORD);
    plain.put(VOTER_KEY, Base64.getEncoder().encodeToString(bytes(32)));
    try (Pollcast bot =
        Pollcast.open(
            ConfigLoader.load(Optional.empty(), plain),
            Base64.getDecoder().decode(plain.get(VOTER_KEY)),
            Clock.systemUTC(),
            Map.of(Platform.CONSOLE, new RecordingPublisher()))) {
      bot.service().importEpisode(LocalOperator.ACTOR, io.pollcast.BundledEpisodes.example());
      bot.service().start(LocalOperator.ACTOR, Place.CONSOLE, 68, Optional.empty());
    }
  }

  private static byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
