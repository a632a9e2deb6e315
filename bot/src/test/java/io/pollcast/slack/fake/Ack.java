package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An acknowledgement a Socket Mode client sent for an envelope: {@code {"envelope_id",
 * "payload"?}}.
 *
 * @param payload what the bot answered in the acknowledgement (a slash command's reply text, a view
 *     submission's {@code response_action}); empty for a bare acknowledgement
 */
public record Ack(String envelopeId, Optional<JsonNode> payload) {}
