package io.pollcast.config;

import java.nio.file.Path;
import java.util.Set;

/**
 * Who is who in the console chat, by the name in front of each line, and where its charts go.
 *
 * @param hosts names that may import, start and close
 * @param moderators names that may view tallies
 * @param chartDir folder the results charts of announcements are written to
 */
public record ConsoleConfig(Set<String> hosts, Set<String> moderators, Path chartDir) {
  public ConsoleConfig {
    hosts = Set.copyOf(hosts);
    moderators = Set.copyOf(moderators);
  }
}
