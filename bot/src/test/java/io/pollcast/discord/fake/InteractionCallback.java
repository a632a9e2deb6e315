package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The bot's answer to an interaction: one {@code POST interactions/{id}/{token}/callback}.
 *
 * @param interaction the interaction answered
 * @param type the callback type, one of the constants below
 * @param data the callback's {@code data} (a missing node when there is none)
 * @param accepted whether the fake accepted it; Discord refuses a second answer to the same
 *     interaction and an answer after the reply deadline
 * @param receivedAt when the fake received it
 */
public record InteractionCallback(
    FakeInteraction interaction, int type, JsonNode data, boolean accepted, Instant receivedAt) {
  /** A reply message ({@code event.reply(..)}). */
  public static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;

  /** A deferred reply ({@code event.deferReply()}), to be completed by editing the original. */
  public static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;

  /** A deferred update of the component's message ({@code event.deferEdit()}). */
  public static final int DEFERRED_UPDATE_MESSAGE = 6;

  /** An immediate update of the component's message ({@code event.editMessage(..)}). */
  public static final int UPDATE_MESSAGE = 7;

  /** A modal ({@code event.replyModal(..)}). */
  public static final int MODAL = 9;

  public InteractionCallback {
    data = data.deepCopy();
  }

  public String content() {
    return data.path("content").asText("");
  }

  public int flags() {
    return data.path("flags").asInt(0);
  }

  /** Whether the reply is visible only to the member who interacted (flag 64). */
  public boolean ephemeral() {
    return (flags() & FakeMessage.EPHEMERAL) != 0;
  }

  public List<JsonNode> embeds() {
    return FakeMessage.elements(data.path("embeds"));
  }

  public List<JsonNode> components() {
    return FakeMessage.elements(data.path("components"));
  }
}
