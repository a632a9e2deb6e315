package io.pollcast.cli;

import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.logging.LogSetup;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option that every command accepts. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (HOCON) overriding the defaults; see reference.conf.")
  private Path file;

  /** Loads the settings and applies {@code pollcast.log.format} to the log. */
  PollcastConfig load(Map<String, String> env) {
    PollcastConfig config = ConfigLoader.load(Optional.ofNullable(file), env);
    LogSetup.apply(config.logFormat());
    return config;
  }
}
