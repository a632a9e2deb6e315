package io.pollcast.discord;

import io.pollcast.config.DiscordConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Turns the member behind an interaction into an {@link Actor}: hosts and moderators are members
 * with a Discord role named in the configuration, by id or by name (ignoring case). Whether they
 * may act is still decided by the poll service. Immutable and thread-safe.
 */
final class DiscordActors {
  private final Set<String> hostRoles;
  private final Set<String> moderatorRoles;

  DiscordActors(DiscordConfig config) {
    this.hostRoles = normalised(config.hostRoles());
    this.moderatorRoles = normalised(config.moderatorRoles());
  }

  /** The actor behind an interaction; outside a guild nobody has a role. */
  Actor of(Interaction interaction) {
    return of(interaction.getUser(), interaction.getMember());
  }

  /** The actor for a user, with the roles of their membership if in a guild (may be null). */
  Actor of(User user, Member member) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    String name = user.getEffectiveName();
    if (member != null) {
      name = member.getEffectiveName();
      for (net.dv8tion.jda.api.entities.Role role : member.getRoles()) {
        if (matches(hostRoles, role)) {
          roles.add(Role.HOST);
        }
        if (matches(moderatorRoles, role)) {
          roles.add(Role.MODERATOR);
        }
      }
    }
    return new Actor(Platform.DISCORD, user.getId(), name, roles);
  }

  private static boolean matches(Set<String> configured, net.dv8tion.jda.api.entities.Role role) {
    return configured.contains(role.getId())
        || configured.contains(role.getName().toLowerCase(Locale.ROOT));
  }

  private static Set<String> normalised(Set<String> roles) {
    return roles.stream()
        .map(String::strip)
        .map(role -> role.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
