package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Renders the fake guild's entities as the gateway and REST JSON that JDA parses.
 *
 * <p>It includes the fields JDA insists on: every role needs {@code colors}, the guild a valid
 * {@code afk_timeout} (60, 300, 900, 1800 or 3600) and the array fields of GUILD_CREATE, and the
 * bot must be a member of the guild (otherwise JDA logs an error and asks the gateway for its own
 * member). Immutable and thread-safe; every call returns a new tree.
 */
final class EntityJson {
  private final FakeGuild guild;

  EntityJson(FakeGuild guild) {
    this.guild = guild;
  }

  ObjectNode userJson(FakeMember member) {
    return Json.object()
        .put("id", member.id())
        .put("username", member.username())
        .put("global_name", member.username())
        .put("discriminator", "0")
        .putNull("avatar")
        .put("bot", member.bot())
        .put("public_flags", 0);
  }

  ObjectNode memberJson(FakeMember member) {
    ObjectNode json = Json.object();
    json.set("user", userJson(member));
    ArrayNode roleIds = json.putArray("roles");
    member.roles().forEach(role -> roleIds.add(role.id()));
    return json.put("joined_at", guild.joinedAt().toString())
        .putNull("nick")
        .putNull("avatar")
        .put("deaf", false)
        .put("mute", false)
        .put("flags", 0)
        .put("pending", false);
  }

  /** The member as an interaction carries it: with its permissions in the interaction's channel. */
  ObjectNode interactionMemberJson(FakeMember member) {
    return memberJson(member)
        .put("permissions", Long.toUnsignedString(guild.everyonePermissions()));
  }

  ObjectNode channelJson() {
    ObjectNode json =
        Json.object()
            .put("id", guild.channelId())
            .put("type", 0)
            .put("guild_id", guild.id())
            .put("name", guild.channelName())
            .put("position", 0)
            .put("nsfw", false)
            .put("rate_limit_per_user", 0)
            .put("flags", 0)
            .putNull("topic")
            .putNull("parent_id")
            .putNull("last_message_id");
    json.putArray("permission_overwrites");
    return json;
  }

  ObjectNode readyJson(String sessionId, String resumeUrl) {
    return readyJson(sessionId, resumeUrl, true);
  }

  /** READY for a session that has the guild, or for a shard that does not. */
  ObjectNode readyJson(String sessionId, String resumeUrl, boolean withGuild) {
    ObjectNode ready = Json.object().put("v", 10);
    ready.set("user", userJson(guild.bot()).put("verified", true).put("mfa_enabled", false));
    var guilds = ready.putArray("guilds");
    if (withGuild) {
      guilds.addObject().put("id", guild.id()).put("unavailable", true);
    }
    ready.put("session_id", sessionId).put("resume_gateway_url", resumeUrl);
    ready.putArray("private_channels");
    ready.putObject("application").put("id", guild.applicationId()).put("flags", 0);
    ready.putArray("_trace").add("fake-discord");
    return ready;
  }

  /** A valid GUILD_CREATE: an invalid one is only logged by JDA, which then waits ~75 s. */
  ObjectNode guildCreateJson() {
    ObjectNode json =
        Json.object()
            .put("id", guild.id())
            .put("name", guild.name())
            .putNull("icon")
            .put("owner_id", Snowflakes.next())
            .put("afk_timeout", 300)
            .put("verification_level", 0)
            .put("default_message_notifications", 0)
            .put("explicit_content_filter", 0)
            .put("mfa_level", 0)
            .put("nsfw_level", 0)
            .put("premium_tier", 0)
            .put("preferred_locale", "en-US")
            .put("large", false)
            .put("unavailable", false)
            .put("joined_at", guild.joinedAt().toString())
            .put("member_count", guild.members().size() + 1);
    json.putArray("features");
    ArrayNode roleArray = json.putArray("roles");
    roleArray.add(roleJson(guild.id(), "@everyone", guild.everyonePermissions(), 0));
    int position = 1;
    for (FakeRole role : guild.roles()) {
      roleArray.add(roleJson(role.id(), role.name(), 0, position++));
    }
    ArrayNode memberArray = json.putArray("members");
    memberArray.add(memberJson(guild.bot()));
    guild.members().forEach(member -> memberArray.add(memberJson(member)));
    json.putArray("channels").add(channelJson());
    for (String empty :
        List.of(
            "threads",
            "guild_scheduled_events",
            "emojis",
            "stickers",
            "voice_states",
            "presences",
            "stage_instances")) {
      json.putArray(empty);
    }
    return json;
  }

  private static ObjectNode roleJson(String id, String name, long permissions, int position) {
    ObjectNode role =
        Json.object()
            .put("id", id)
            .put("name", name)
            .put("permissions", Long.toUnsignedString(permissions))
            .put("position", position)
            .put("color", 0)
            .put("hoist", false)
            .put("managed", false)
            .put("mentionable", false)
            .put("flags", 0);
    role.putObject("colors").put("primary_color", 0);
    return role;
  }
}
