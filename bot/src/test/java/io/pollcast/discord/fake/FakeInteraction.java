package io.pollcast.discord.fake;

import java.time.Instant;
import java.util.Optional;

/**
 * A handle on an interaction the fake pushed to the bot, to look up what the bot answered.
 *
 * @param id the interaction's snowflake
 * @param token the token the bot answers with
 * @param kind what the member did
 * @param member who did it
 * @param messageId for a component interaction, the message the component belongs to
 * @param createdAt when the fake pushed it
 */
public record FakeInteraction(
    String id,
    String token,
    Kind kind,
    FakeMember member,
    Optional<String> messageId,
    Instant createdAt) {

  /** The kinds of interaction the fake can push. */
  public enum Kind {
    SLASH_COMMAND,
    BUTTON,
    MODAL_SUBMIT
  }
}
