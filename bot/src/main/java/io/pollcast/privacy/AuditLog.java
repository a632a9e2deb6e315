package io.pollcast.privacy;

import io.pollcast.domain.Actor;
import io.pollcast.storage.AuditEntry;
import io.pollcast.storage.AuditStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The record of what hosts and moderators did: who (platform, user id and display name, since they
 * act with authority), what and when. Ordinary members are never written here, whatever they do.
 * The operator reads it with {@code pollcast audit}. Thread-safe.
 */
public final class AuditLog {
  private static final int MAX_NAME = 100;
  private static final int MAX_DETAIL = 500;

  private final AuditStore store;
  private final Clock clock;

  public AuditLog(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Records an action about an episode. Does nothing for an actor without a role: only those who
   * act with authority are named in the log.
   */
  public void record(Actor actor, AuditAction action, int episode, String detail) {
    record(actor, action, Optional.of(episode), detail);
  }

  /** As {@link #record(Actor, AuditAction, int, String)}, for an action about no one episode. */
  public void record(Actor actor, AuditAction action, Optional<Integer> episode, String detail) {
    if (actor.roles().isEmpty()) {
      return;
    }
    store.append(
        clock.instant(),
        actor.platform().id(),
        cut(actor.userId(), MAX_NAME),
        cut(actor.displayName(), MAX_NAME),
        action.id(),
        episode,
        cut(detail, MAX_DETAIL));
  }

  /** Every entry, oldest first. */
  public List<AuditEntry> entries() {
    return store.all();
  }

  /** How many entries name this person. */
  public int entriesOf(Actor actor) {
    return store.countOf(actor.platform().id(), cut(actor.userId(), MAX_NAME));
  }

  /** At most {@code max} characters, never splitting a surrogate pair. */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
