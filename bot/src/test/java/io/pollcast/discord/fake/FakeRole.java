package io.pollcast.discord.fake;

/** A role of the fake guild, as a test names it ("Host", "Moderator") and JDA sees it (by id). */
public record FakeRole(String id, String name) {}
