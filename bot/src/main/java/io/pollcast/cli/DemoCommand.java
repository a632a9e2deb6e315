package io.pollcast.cli;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Pollcast;
import io.pollcast.config.PollcastConfig;
import io.pollcast.config.StorageConfig;
import io.pollcast.console.ConsoleOutput;
import io.pollcast.console.ConsolePublisher;
import io.pollcast.domain.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pollcast demo}: the whole flow with simulated listeners, on a throwaway database. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Plays the whole flow for the bundled example episode in the console.",
      "The host starts the polls, N simulated listeners vote (some change their mind, some"
          + " withdraw), the moderator looks at the tally and the host closes the polls, ending"
          + " with the announcement. Uses a throwaway in-memory database and writes the chart to"
          + " a temporary folder: your own data is not touched."
    },
    footer = {"", "Example:", "  pollcast demo --voters 500 --seed 7"})
final class DemoCommand implements Callable<Integer> {
  @ParentCommand private PollcastCli parent;
  @Mixin private ConfigOption config;

  @Option(
      names = "--voters",
      paramLabel = "N",
      defaultValue = "25",
      description = "Simulated listeners (default ${DEFAULT-VALUE}).")
  private int voters;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "68",
      description = "Random seed, for a repeatable run (default ${DEFAULT-VALUE}).")
  private long seed;

  @Override
  public Integer call() throws Exception {
    if (voters < 0 || voters > 100_000) {
      throw new BadInputException("--voters must be from 0 to 100000");
    }
    CliContext context = parent.context();
    PollcastConfig settings = inMemory(config.load(context.env()));
    ConsoleOutput output = new ConsoleOutput(context.out());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path charts = Files.createTempDirectory("pollcast-demo-charts-");
    var publisher = new ConsolePublisher(output, Pollcast.texts(settings), charts);
    try (Pollcast pollcast =
        Pollcast.open(settings, key, context.clock(), Map.of(Platform.CONSOLE, publisher))) {
      var episode = BundledEpisodes.example();
      pollcast.service().importEpisode(LocalOperator.ACTOR, episode);
      new DemoScript(pollcast, settings.console(), output, seed).play(episode, voters);
    }
    return 0;
  }

  private static PollcastConfig inMemory(PollcastConfig config) {
    StorageConfig demo =
        new StorageConfig(
            "jdbc:h2:mem:pollcast-demo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
    return config.withStorage(demo);
  }
}
