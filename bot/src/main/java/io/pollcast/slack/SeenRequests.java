package io.pollcast.slack;

import io.pollcast.storage.SlackRequestStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The signed requests already carried out, remembered in the database by signature until their
 * timestamp leaves the {@link RequestSignature#WINDOW}: a request replayed byte for byte (after a
 * restart, or to another process on the same database) is recognised, as nothing else could tell it
 * apart. Slack's own retries are signed anew and are recognised by {@link RecentDeliveries}.
 * Forgets expired signatures at most once a minute. Thread-safe.
 */
final class SeenRequests {
  /** SQL state of a unique-key violation, in H2 and PostgreSQL alike. */
  private static final String DUPLICATE_KEY = "23505";

  private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

  private final SlackRequestStore store;
  private final Clock clock;
  private Instant nextForget = Instant.MIN;

  SeenRequests(SlackRequestStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Whether the request with {@code signature}, signed at {@code signedAt}, arrives for the first
   * time; remembers it if so.
   */
  boolean firstTime(String signature, Instant signedAt) {
    forgetExpired();
    try {
      store.remember(signature, signedAt.plus(RequestSignature.WINDOW).atOffset(ZoneOffset.UTC));
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (duplicate(e)) {
        return false;
      }
      throw e;
    }
  }

  private void forgetExpired() {
    Instant now = clock.instant();
    synchronized (this) {
      if (now.isBefore(nextForget)) {
        return;
      }
      nextForget = now.plus(FORGET_EVERY);
    }
    int unused = store.forgetExpired(now.atOffset(ZoneOffset.UTC));
  }

  private static boolean duplicate(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && DUPLICATE_KEY.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
