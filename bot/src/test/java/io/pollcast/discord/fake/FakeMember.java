package io.pollcast.discord.fake;

import java.util.List;

/**
 * A member of the fake guild: the user a test acts as when it pushes an interaction.
 *
 * @param id the user's snowflake
 * @param username the unique name the test refers to the member by
 * @param bot whether the user is a bot (true only for the fake's own bot user)
 * @param roles the member's roles, not counting {@code @everyone}
 */
public record FakeMember(String id, String username, boolean bot, List<FakeRole> roles) {
  public FakeMember {
    roles = List.copyOf(roles);
  }

  /** Whether the member has a role of that name. */
  public boolean hasRole(String roleName) {
    return roles.stream().anyMatch(role -> role.name().equals(roleName));
  }
}
