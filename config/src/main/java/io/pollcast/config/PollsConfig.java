package io.pollcast.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How polls behave unless an episode says otherwise.
 *
 * @param defaultOptions the options offered on a thesis (2 to 5, distinct ignoring case)
 * @param liveResults whether poll messages show running counts while open
 * @param defaultDuration how long polls stay open when neither the start command nor the episode
 *     gives a closing time; empty to keep them open until a host closes them
 * @param reminderBefore how long before closing a reminder is posted in each channel; empty for
 *     none
 */
public record PollsConfig(
    List<String> defaultOptions,
    boolean liveResults,
    Optional<Duration> defaultDuration,
    Optional<Duration> reminderBefore) {
  public PollsConfig {
    defaultOptions = List.copyOf(defaultOptions);
  }
}
