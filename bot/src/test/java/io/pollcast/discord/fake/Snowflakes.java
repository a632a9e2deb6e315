package io.pollcast.discord.fake;

import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.utils.TimeUtil;

/**
 * Issues unique Discord snowflake ids that encode the current time.
 *
 * <p>JDA judges an interaction's age from its id and drops interactions older than 15 minutes, so
 * every id the fake hands out must encode "now". Thread-safe; ids are unique across fakes in one
 * JVM.
 */
public final class Snowflakes {
  private static final AtomicLong LAST = new AtomicLong();

  private Snowflakes() {}

  /** A new snowflake, strictly greater than every one issued before. */
  public static String next() {
    long now = TimeUtil.getDiscordTimestamp(System.currentTimeMillis());
    return Long.toUnsignedString(LAST.updateAndGet(previous -> Math.max(previous + 1, now)));
  }
}
