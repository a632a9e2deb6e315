package io.pollcast.domain;

import java.util.Set;

/**
 * Someone acting through a platform. The user id is only ever turned into a pseudonym before it is
 * stored; the display name is used in replies and never stored.
 *
 * @param platform where they act
 * @param userId the platform's id for them
 * @param displayName how to address them
 * @param roles what they may do beyond voting, as the platform adapter determined
 */
public record Actor(Platform platform, String userId, String displayName, Set<Role> roles) {
  public Actor {
    roles = Set.copyOf(roles);
  }

  /** Whether they may import, start and close. */
  public boolean isHost() {
    return roles.contains(Role.HOST);
  }

  /** Whether they may view tallies of open polls. */
  public boolean canViewTallies() {
    return isHost() || roles.contains(Role.MODERATOR);
  }

  @Override
  public String toString() {
    return "Actor[" + platform.id() + ", roles=" + roles + "]";
  }
}
