package io.pollcast.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The interactions the fake pushed and the bot's callbacks to them, judged as Discord does: an
 * interaction is answered once, within the reply deadline; later answers go through its token's
 * webhook ({@code @original} and follow-ups). Thread-safe: every method locks the ledger.
 */
final class InteractionLedger {
  /** Why a callback was accepted or refused. */
  enum Verdict {
    ACCEPTED,
    UNKNOWN_INTERACTION,
    ALREADY_ACKNOWLEDGED
  }

  private final Duration replyDeadline;
  private final Map<String, Entry> byToken = new HashMap<>();
  private final List<InteractionCallback> callbacks = new ArrayList<>();

  InteractionLedger(Duration replyDeadline) {
    this.replyDeadline = replyDeadline;
  }

  synchronized void register(FakeInteraction interaction) {
    byToken.put(interaction.token(), new Entry(interaction));
  }

  synchronized Optional<FakeInteraction> byToken(String token) {
    return Optional.ofNullable(byToken.get(token)).map(entry -> entry.interaction);
  }

  /** Records a callback and judges it; every attempt is recorded, accepted or not. */
  synchronized Verdict recordCallback(String id, String token, int type, JsonNode data) {
    Entry entry = byToken.get(token);
    if (entry == null || !entry.interaction.id().equals(id)) {
      return Verdict.UNKNOWN_INTERACTION;
    }
    Instant now = Instant.now();
    Verdict verdict;
    if (entry.acknowledged) {
      verdict = Verdict.ALREADY_ACKNOWLEDGED;
    } else if (now.isAfter(entry.interaction.createdAt().plus(replyDeadline))) {
      verdict = Verdict.UNKNOWN_INTERACTION;
    } else {
      verdict = Verdict.ACCEPTED;
      entry.acknowledged = true;
    }
    InteractionCallback callback =
        new InteractionCallback(entry.interaction, type, data, verdict == Verdict.ACCEPTED, now);
    entry.callbacks.add(callback);
    callbacks.add(callback);
    return verdict;
  }

  /** The message that {@code @original} refers to for this token, once there is one. */
  synchronized Optional<String> originalMessageId(String token) {
    return Optional.ofNullable(byToken.get(token)).flatMap(entry -> entry.originalMessageId);
  }

  /**
   * Makes {@code messageId} the interaction's original response; {@code deferred} marks it as the
   * placeholder of a deferred reply, which the next edit of {@code @original} or the first
   * follow-up fills in.
   */
  synchronized void setOriginalMessageId(String token, String messageId, boolean deferred) {
    Entry entry = byToken.get(token);
    if (entry != null) {
      entry.originalMessageId = Optional.of(messageId);
      entry.deferredPlaceholder = deferred;
      entry.messageIds.add(messageId);
    }
  }

  /**
   * Whether the original response is a deferred placeholder not yet filled in; it counts as filled
   * from now on. Discord turns the first follow-up after a deferred reply into the original.
   */
  synchronized boolean fillDeferredPlaceholder(String token) {
    Entry entry = byToken.get(token);
    if (entry == null || !entry.deferredPlaceholder) {
      return false;
    }
    entry.deferredPlaceholder = false;
    return true;
  }

  /** Records a follow-up message sent through the interaction's webhook. */
  synchronized void addFollowUp(String token, String messageId) {
    Entry entry = byToken.get(token);
    if (entry != null) {
      entry.messageIds.add(messageId);
    }
  }

  /**
   * Whether the interaction's webhook may act on the message: its component's message, its original
   * response or one of its follow-ups.
   */
  synchronized boolean ownsMessage(String token, String messageId) {
    Entry entry = byToken.get(token);
    return entry != null && entry.messageIds.contains(messageId);
  }

  synchronized List<InteractionCallback> callbacksOf(FakeInteraction interaction) {
    Entry entry = byToken.get(interaction.token());
    return entry == null ? List.of() : List.copyOf(entry.callbacks);
  }

  synchronized List<InteractionCallback> allCallbacks() {
    return List.copyOf(callbacks);
  }

  private static final class Entry {
    final FakeInteraction interaction;
    final List<InteractionCallback> callbacks = new ArrayList<>();
    final Set<String> messageIds = new HashSet<>();
    boolean acknowledged;
    boolean deferredPlaceholder;
    Optional<String> originalMessageId;

    Entry(FakeInteraction interaction) {
      this.interaction = interaction;
      this.originalMessageId = interaction.messageId();
      interaction.messageId().ifPresent(messageIds::add);
    }
  }
}
