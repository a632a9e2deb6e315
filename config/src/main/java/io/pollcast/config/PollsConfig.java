package io.pollcast.config;

import java.util.List;

/**
 * How polls behave unless an episode says otherwise.
 *
 * @param defaultOptions the options offered on a thesis (2 to 5, distinct ignoring case)
 * @param liveResults whether poll messages show running counts while open
 */
public record PollsConfig(List<String> defaultOptions, boolean liveResults) {
  public PollsConfig {
    defaultOptions = List.copyOf(defaultOptions);
  }
}
