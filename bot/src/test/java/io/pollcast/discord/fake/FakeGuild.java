package io.pollcast.discord.fake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import net.dv8tion.jda.api.Permission;

/**
 * The world the fake Discord serves: one guild with one text channel, the bot user and its
 * application, and the members and roles a test configures. Immutable once built; ids are fresh
 * snowflakes unless a test gives a role its id.
 */
public final class FakeGuild {
  /** What {@code @everyone} may do unless a test says otherwise: enough to run a poll. */
  public static final long DEFAULT_EVERYONE_PERMISSIONS =
      Permission.getRaw(
          Permission.VIEW_CHANNEL,
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_HISTORY,
          Permission.USE_APPLICATION_COMMANDS);

  private final String id = Snowflakes.next();
  private final String name;
  private final String channelId = Snowflakes.next();
  private final String channelName;
  private final String applicationId = Snowflakes.next();
  private final FakeMember bot;
  private final long everyonePermissions;
  private final Map<String, FakeRole> roles;
  private final Map<String, FakeMember> members;
  private final Instant joinedAt = Instant.now().minus(30, ChronoUnit.DAYS);

  private FakeGuild(Builder builder) {
    this.name = builder.name;
    this.channelName = builder.channelName;
    this.bot = new FakeMember(applicationId, builder.botName, true, List.of());
    this.everyonePermissions = builder.everyonePermissions;
    this.roles = new LinkedHashMap<>(builder.roles);
    Map<String, FakeMember> built = new LinkedHashMap<>();
    builder.members.forEach(
        (username, roleNames) ->
            built.put(
                username,
                new FakeMember(
                    Snowflakes.next(),
                    username,
                    false,
                    roleNames.stream().map(this::role).toList())));
    this.members = built;
  }

  /** Starts describing a guild; by default it has no roles besides {@code @everyone}. */
  public static Builder builder() {
    return new Builder();
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String channelId() {
    return channelId;
  }

  public String applicationId() {
    return applicationId;
  }

  /** The raw permissions of {@code @everyone}; the configured roles add none. */
  public long everyonePermissions() {
    return everyonePermissions;
  }

  /** The bot user; like on Discord, its user id equals the application id. */
  public FakeMember bot() {
    return bot;
  }

  /** The role of that name. */
  public FakeRole role(String roleName) {
    FakeRole role = roles.get(roleName);
    if (role == null) {
      throw new NoSuchElementException("No role named " + roleName + " in " + roles.keySet());
    }
    return role;
  }

  /** The (non-bot) member of that username. */
  public FakeMember member(String username) {
    FakeMember member = members.get(username);
    if (member == null) {
      throw new NoSuchElementException("No member " + username + " in " + members.keySet());
    }
    return member;
  }

  /** The non-bot members, in the order they were configured. */
  public List<FakeMember> members() {
    return List.copyOf(members.values());
  }

  /** The configured roles (not {@code @everyone}), in the order they were added. */
  public List<FakeRole> roles() {
    return List.copyOf(roles.values());
  }

  /** The channel's name. */
  public String channelName() {
    return channelName;
  }

  /** When every member joined: a fixed time in the past. */
  public Instant joinedAt() {
    return joinedAt;
  }

  /** Describes a {@link FakeGuild}. Not thread-safe. */
  public static final class Builder {
    private String name = "Pollcast Community";
    private String channelName = "episode-talk";
    private String botName = "Pollcast";
    private long everyonePermissions = DEFAULT_EVERYONE_PERMISSIONS;
    private final Map<String, FakeRole> roles = new LinkedHashMap<>();
    private final Map<String, List<String>> members = new LinkedHashMap<>();

    private Builder() {}

    public Builder name(String guildName) {
      this.name = guildName;
      return this;
    }

    public Builder channelName(String name) {
      this.channelName = name;
      return this;
    }

    public Builder botName(String name) {
      this.botName = name;
      return this;
    }

    /** The raw permissions of {@code @everyone}, which every member has. */
    public Builder everyonePermissions(long permissions) {
      this.everyonePermissions = permissions;
      return this;
    }

    /** Adds a role with a fresh id. */
    public Builder role(String roleName) {
      return role(roleName, Snowflakes.next());
    }

    /** Adds a role with the given snowflake id, for tests that configure role ids. */
    public Builder role(String roleName, String roleId) {
      if (roles.putIfAbsent(roleName, new FakeRole(roleId, roleName)) != null) {
        throw new IllegalArgumentException("Duplicate role " + roleName);
      }
      return this;
    }

    /** Adds a member with the named roles, which must have been added before. */
    public Builder member(String username, String... roleNames) {
      for (String roleName : roleNames) {
        if (!roles.containsKey(roleName)) {
          throw new IllegalArgumentException("Unknown role " + roleName + " for " + username);
        }
      }
      if (members.putIfAbsent(username, new ArrayList<>(Arrays.asList(roleNames))) != null) {
        throw new IllegalArgumentException("Duplicate member " + username);
      }
      return this;
    }

    public FakeGuild build() {
      return new FakeGuild(this);
    }
  }
}
