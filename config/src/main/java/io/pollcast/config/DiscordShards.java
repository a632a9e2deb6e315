package io.pollcast.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord sharding: how many shards the bot has in all, and the range of them this process runs
 * (from 0). One shard, run by this process, is the default; Discord requires sharding from 2,500
 * servers.
 *
 * @param total how many shards the bot has
 * @param first the first shard this process runs
 * @param last the last shard this process runs
 */
public record DiscordShards(int total, int first, int last) {
  /** The most shards a bot may configure here. */
  public static final int MAX_TOTAL = 10_000;

  /** What {@code pollcast.discord.shards.run} expects. */
  static final String RUN_SYNTAX = "all, or a range first-last of shards from 0, such as 0-3";

  private static final Pattern RANGE = Pattern.compile("(\\d{1,5})\\s*-\\s*(\\d{1,5})");

  /** One shard: the default, and what a bot in fewer than 2,500 servers needs. */
  public static final DiscordShards ONE = new DiscordShards(1, 0, 0);

  /** Checks the range. */
  public DiscordShards {
    if (total < 1 || first < 0 || first > last || last >= total) {
      throw new IllegalArgumentException(
          "shards " + first + "-" + last + " of " + total + " is not a range of the shards");
    }
  }

  /** Reads {@code run} ("all" or "first-last") for a bot with {@code total} shards. */
  static Optional<DiscordShards> parse(int total, String run) {
    if (total < 1 || total > MAX_TOTAL) {
      return Optional.empty();
    }
    if (run.strip().equalsIgnoreCase("all")) {
      return Optional.of(new DiscordShards(total, 0, total - 1));
    }
    Matcher range = RANGE.matcher(run.strip());
    if (!range.matches()) {
      return Optional.empty();
    }
    int first = Integer.parseInt(range.group(1));
    int last = Integer.parseInt(range.group(2));
    if (first > last || last >= total) {
      return Optional.empty();
    }
    return Optional.of(new DiscordShards(total, first, last));
  }

  /** Whether the bot is sharded at all (more than one shard). */
  public boolean sharded() {
    return total > 1;
  }

  /** A name for the range, such as {@code 0-3/8}; processes running the same range share it. */
  public String range() {
    return first + "-" + last + "/" + total;
  }
}
