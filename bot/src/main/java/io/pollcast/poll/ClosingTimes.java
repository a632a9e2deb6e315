package io.pollcast.poll;

import io.pollcast.domain.ClosingTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** Reads, stores and resolves {@link ClosingTime}s: from what users type to an instant. */
public final class ClosingTimes {
  private ClosingTimes() {}

  /** Parses what a host typed ({@code 3d}, {@code 12h}, {@code 2026-12-01T20:00}), if valid. */
  public static Optional<ClosingTime> tryParse(String text) {
    try {
      return Optional.of(ClosingTime.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The stored form, which {@link ClosingTime#parse} reads back. */
  public static String format(ClosingTime closing) {
    if (closing instanceof ClosingTime.After after) {
      return after.duration().toMinutes() + "m";
    }
    return ((ClosingTime.At) closing).dateTime().toString();
  }

  /** The instant a poll opened at {@code now} closes, reading wall-clock times in {@code zone}. */
  public static Instant resolve(ClosingTime closing, Instant now, ZoneId zone) {
    if (closing instanceof ClosingTime.After after) {
      return now.plus(after.duration());
    }
    return ((ClosingTime.At) closing).dateTime().atZone(zone).toInstant();
  }
}
