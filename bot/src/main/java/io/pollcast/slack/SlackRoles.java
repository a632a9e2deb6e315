package io.pollcast.slack;

import com.slack.api.methods.MethodsClient;
import io.pollcast.config.SlackConfig;
import io.pollcast.domain.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who is a host or a moderator from {@code pollcast.slack.host-users} and {@code
 * moderator-users}: Slack user ids ({@code U…}, {@code W…}) or user group ids ({@code S…}), whose
 * members are looked up with {@code usergroups.users.list} and cached for a minute.
 *
 * <p>Thread-safe. A failed lookup counts as "not a member" (and is not cached), so an outage never
 * grants a role.
 */
final class SlackRoles {
  private static final Logger LOG = LoggerFactory.getLogger(SlackRoles.class);
  private static final Duration GROUP_TTL = Duration.ofMinutes(1);

  private final MethodsClient client;
  private final WebApi webApi;
  private final Set<String> hosts;
  private final Set<String> moderators;
  private final Map<String, Members> groups = new ConcurrentHashMap<>();

  SlackRoles(MethodsClient client, WebApi webApi, SlackConfig config) {
    this.webApi = webApi;
    this.client = client;
    this.hosts = config.hostUsers();
    this.moderators = config.moderatorUsers();
  }

  /** The roles of a Slack user; may call Slack, so never on a socket thread. */
  Set<Role> of(String userId) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (listed(hosts, userId)) {
      roles.add(Role.HOST);
    }
    if (listed(moderators, userId)) {
      roles.add(Role.MODERATOR);
    }
    return roles;
  }

  private boolean listed(Set<String> ids, String userId) {
    if (ids.contains(userId)) {
      return true;
    }
    return ids.stream().filter(SlackRoles::isGroup).anyMatch(g -> members(g).contains(userId));
  }

  private static boolean isGroup(String id) {
    return id.startsWith("S");
  }

  private Set<String> members(String groupId) {
    Members cached = groups.get(groupId);
    if (cached != null && System.nanoTime() - cached.fetchedNanos() < GROUP_TTL.toNanos()) {
      return cached.users();
    }
    try {
      List<String> users =
          webApi
              .call(
                  "usergroups.users.list",
                  () -> client.usergroupsUsersList(r -> r.usergroup(groupId)))
              .getUsers();
      Members fresh = new Members(Set.copyOf(users == null ? List.of() : users), System.nanoTime());
      groups.put(groupId, fresh);
      return fresh.users();
    } catch (RuntimeException e) {
      LOG.warn("Could not read the members of user group {}: {}", groupId, e.getMessage());
      return Set.of();
    }
  }

  private record Members(Set<String> users, long fetchedNanos) {}
}
