package io.pollcast.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How polls behave unless an episode says otherwise.
 *
 * @param defaultOptions the options offered on a thesis (2 to 5, distinct ignoring case)
 * @param liveResults what open poll messages show of the votes so far
 * @param defaultDuration how long polls stay open when neither the start command nor the episode
 *     gives a closing time; empty to keep them open until a host closes them
 * @param reminderBefore how long before closing a reminder is posted in each channel; empty for
 *     none
 * @param stanceNames whether results name the hosts beside their stance on a thesis
 */
public record PollsConfig(
    List<String> defaultOptions,
    LiveResults liveResults,
    Optional<Duration> defaultDuration,
    Optional<Duration> reminderBefore,
    boolean stanceNames) {
  public PollsConfig {
    defaultOptions = List.copyOf(defaultOptions);
    Objects.requireNonNull(liveResults, "liveResults");
  }

  /** Settings that name the hosts beside their stance. */
  public PollsConfig(
      List<String> defaultOptions,
      LiveResults liveResults,
      Optional<Duration> defaultDuration,
      Optional<Duration> reminderBefore) {
    this(defaultOptions, liveResults, defaultDuration, reminderBefore, true);
  }

  /** Settings with running counts shown ({@code true}) or not shown at all. */
  public PollsConfig(
      List<String> defaultOptions,
      boolean liveCounts,
      Optional<Duration> defaultDuration,
      Optional<Duration> reminderBefore) {
    this(
        defaultOptions,
        liveCounts ? LiveResults.COUNTS : LiveResults.OFF,
        defaultDuration,
        reminderBefore);
  }
}
