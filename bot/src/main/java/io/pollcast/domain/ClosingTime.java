package io.pollcast.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * When an episode's polls close, as written in an episode file: either a duration after the poll
 * starts ({@code "3d"}, {@code "12h"}, {@code "90m"}, {@code "1d12h"}, {@code "2w"}) or an absolute
 * local date-time ({@code "2026-12-01T20:00"}) that is interpreted later in the configured zone.
 * Files cannot know when a poll will start or which zone the bot runs in, so both stay symbolic.
 */
public sealed interface ClosingTime {

  /** The longest duration a poll may stay open. */
  Duration MAX_DURATION = Duration.ofDays(365);

  /** Closes the given time after the poll starts; the duration is positive and at most a year. */
  record After(Duration duration) implements ClosingTime {
    /** Checks that the duration is positive and at most {@link #MAX_DURATION}. */
    public After {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
        throw new IllegalArgumentException("duration must be positive and at most a year");
      }
    }
  }

  /** Closes at a wall-clock time, interpreted in the zone configured for the bot. */
  record At(LocalDateTime dateTime) implements ClosingTime {
    /** Checks that the date-time is present. */
    public At {
      Objects.requireNonNull(dateTime, "dateTime");
    }
  }

  /**
   * Reads a closing time. Durations are one or more groups of a number and a unit: {@code w}
   * (weeks), {@code d} (days), {@code h} (hours) or {@code m} (minutes), case-insensitive, e.g.
   * {@code "3d"} or {@code "1d 12h"}. Date-times are ISO local date-times such as {@code
   * "2026-12-01T20:00"}; a space instead of the {@code T} is accepted.
   *
   * @throws IllegalArgumentException with a user-facing English message when the text is neither
   */
  static ClosingTime parse(String text) {
    return ClosingTimeSyntax.parse(text);
  }
}
