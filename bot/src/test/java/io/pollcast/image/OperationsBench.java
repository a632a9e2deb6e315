package io.pollcast.image;

import io.pollcast.TestSettings;
import io.pollcast.discord.fake.FakeDiscord;
import io.pollcast.discord.fake.FakeGuild;
import io.pollcast.slack.fake.FakeSlack;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures the bot as it runs for months (run by {@code scripts/bench-operations}, not by the
 * tests): the time from starting {@code java -Xms16m -Xmx256m -XX:+UseSerialGC -jar pollcast.jar
 * run} (the image's JVM options) to {@code /ready} answering 200, on a new database and restarted
 * on it, its resident memory after idling, and the time it takes to stop on SIGTERM; on the console
 * chat alone, and on Discord and Slack (Socket Mode) at once, against the local fakes. Prints
 * Markdown table rows, medians of the runs.
 *
 * <p>Usage: {@code OperationsBench JAR RUNS IDLE_SECONDS}
 */
public final class OperationsBench {
  private OperationsBench() {}

  /** Runs the measurements and prints the rows. */
  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    Duration idle = Duration.ofSeconds(Long.parseLong(args[2]));
    List<Run> console = new ArrayList<>();
    List<Run> platforms = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      console.add(measure(jar, Map.of(), idle));
      FakeGuild guild = FakeGuild.builder().member("anna").build();
      try (FakeDiscord discord = FakeDiscord.start(guild);
          FakeSlack slack = FakeSlack.start()) {
        platforms.add(measure(jar, platformEnv(discord, slack), idle));
      }
    }
    row("Console chat", console);
    row("Discord and Slack connected (local fakes)", platforms);
  }

  private static Map<String, String> platformEnv(FakeDiscord discord, FakeSlack slack) {
    return Map.of(
        "DISCORD_TOKEN", discord.botToken(),
        "CONFIG_FORCE_pollcast_discord_rest__url", discord.restBaseUrl(),
        "CONFIG_FORCE_pollcast_discord_gateway__url", discord.gatewayUrl(),
        "SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN,
        "SLACK_APP_TOKEN", FakeSlack.APP_TOKEN,
        "CONFIG_FORCE_pollcast_slack_mode", "socket",
        "CONFIG_FORCE_pollcast_slack_api__url", slack.apiUrl());
  }

  /** A first start, on a new database, stopped once ready; then a restart on it, left idle. */
  private record Run(IdleBot.Sample first, IdleBot.Sample restart) {}

  private static Run measure(Path jar, Map<String, String> platform, Duration idle)
      throws Exception {
    Path dir = Files.createTempDirectory("pollcast-operations-bench");
    Map<String, String> env = new HashMap<>(TestSettings.fileEnv(dir));
    env.put("CONFIG_FORCE_pollcast_admin_port", Integer.toString(freePort()));
    env.putAll(platform);
    IdleBot.Sample first = IdleBot.measure(jar, dir, env, Duration.ZERO);
    return new Run(first, IdleBot.measure(jar, dir, env, idle));
  }

  private static void row(String setting, List<Run> runs) {
    System.out.printf(
        "| %s | %s | %s | %s | %s | %d |%n",
        setting,
        median(runs, run -> run.first().ready().toMillis() / 1000.0, "%.1f s"),
        median(runs, run -> run.restart().ready().toMillis() / 1000.0, "%.1f s"),
        median(runs, run -> run.restart().rssBytes() / 1_048_576.0, "%.0f MB"),
        median(runs, run -> run.restart().stop().toMillis() / 1000.0, "%.1f s"),
        runs.size());
  }

  private static String median(List<Run> samples, Function<Run, Double> figure, String format) {
    List<Double> sorted = samples.stream().map(figure).sorted(Comparator.naturalOrder()).toList();
    String all = String.join(", ", sorted.stream().map(v -> String.format(format, v)).toList());
    return String.format(format, sorted.get(sorted.size() / 2)) + " (" + all + ")";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
