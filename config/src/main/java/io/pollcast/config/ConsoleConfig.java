package io.pollcast.config;

import java.util.Set;

/**
 * Who is who in the console chat, by the name in front of each line.
 *
 * @param hosts names that may import, start and close
 * @param moderators names that may view tallies
 */
public record ConsoleConfig(Set<String> hosts, Set<String> moderators) {
  public ConsoleConfig {
    hosts = Set.copyOf(hosts);
    moderators = Set.copyOf(moderators);
  }
}
