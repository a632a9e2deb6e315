package io.pollcast;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import java.util.Set;

/**
 * The person at the machine running {@code pollcast import} or {@code pollcast tally}: they own the
 * database file, so they act as host and moderator.
 */
public final class LocalOperator {
  public static final Actor ACTOR =
      new Actor(Platform.CONSOLE, "local-operator", "operator", Set.of(Role.HOST, Role.MODERATOR));

  private LocalOperator() {}
}
