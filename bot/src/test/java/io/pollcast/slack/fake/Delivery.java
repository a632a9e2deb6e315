package io.pollcast.slack.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollcast.storage.Await;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One delivery of a Socket Mode envelope to the bot: lets a test await the bot's acknowledgement
 * and deliver the same envelope again, as Slack retries, to prove the bot handles it idempotently.
 *
 * <p>A retry keeps the {@code envelope_id} and adds {@code retry_attempt} and {@code retry_reason},
 * which Bolt turns into the {@code X-Slack-Retry-Num} and {@code X-Slack-Retry-Reason} headers of
 * the request its handlers see.
 */
public final class Delivery {
  private final SocketModeServer server;
  private final ObjectNode envelope;
  private final int attempt;

  private Delivery(SocketModeServer server, ObjectNode envelope, int attempt) {
    this.server = server;
    this.envelope = envelope;
    this.attempt = attempt;
  }

  /** Wraps {@code payload} in a new envelope and sends it to the bot. */
  static Delivery send(
      SocketModeServer server, String type, JsonNode payload, boolean acceptsResponsePayload) {
    ObjectNode envelope =
        Json.object()
            .put("envelope_id", UUID.randomUUID().toString())
            .put("type", type)
            .put("accepts_response_payload", acceptsResponsePayload);
    envelope.set("payload", payload);
    server.send(envelope);
    return new Delivery(server, envelope, 1);
  }

  public String envelopeId() {
    return envelope.path("envelope_id").asText();
  }

  /** {@code slash_commands}, {@code interactive} or {@code events_api}. */
  public String type() {
    return envelope.path("type").asText();
  }

  /** The payload the bot received: the slash command or interaction. */
  public JsonNode payload() {
    return envelope.path("payload").deepCopy();
  }

  /** The {@code response_url} in the payload, if it has one. */
  public Optional<String> responseUrl() {
    return Optional.ofNullable(envelope.path("payload").get("response_url")).map(JsonNode::asText);
  }

  /** 1 for the first delivery, 2 for the first retry, and so on. */
  public int attempt() {
    return attempt;
  }

  /** Waits up to {@link Await#DEFAULT_TIMEOUT} for the bot to acknowledge this delivery. */
  public Ack awaitAck() {
    return awaitAck(Await.DEFAULT_TIMEOUT);
  }

  /**
   * Waits for the bot to acknowledge this delivery: the {@code attempt}-th acknowledgement of the
   * envelope, since every delivery of an envelope deserves one.
   */
  public Ack awaitAck(Duration timeout) {
    return Await.value(
        timeout,
        () -> {
          List<Ack> acks = server.acks(envelopeId());
          return acks.size() >= attempt ? Optional.of(acks.get(attempt - 1)) : Optional.empty();
        },
        () -> "acknowledgement " + attempt + " of " + type() + " envelope " + envelopeId());
  }

  /** Every acknowledgement of this envelope so far, over all its deliveries. */
  public List<Ack> acks() {
    return server.acks(envelopeId());
  }

  /** Delivers the same envelope again as Slack's retry number {@code attempt()}. */
  public Delivery redeliver(String retryReason) {
    ObjectNode retry = envelope.deepCopy();
    retry.put("retry_attempt", attempt).put("retry_reason", retryReason);
    server.send(retry);
    return new Delivery(server, retry, attempt + 1);
  }
}
