package io.pollcast.slack;

import io.pollcast.storage.SlackRequestStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the user actions handled recently, in the database, so that Slack's retries of a
 * delivery it thinks was not acknowledged (Socket Mode's {@code retry_attempt}, HTTP's {@code
 * X-Slack-Retry-Num}) are acknowledged but not carried out twice, whichever of the processes
 * sharing the database they land on: a retried {@code /poll start} posts nothing more, a retried
 * click answers no second time.
 *
 * <p>An action is known by its {@code trigger_id}, which Slack issues once per slash command, click
 * and submission and repeats unchanged in every retry. Slack retries within minutes, so entries
 * live ten minutes; expired ones are removed at most once a minute. Thread-safe.
 */
final class RecentDeliveries {
  private static final Logger LOG = LoggerFactory.getLogger(RecentDeliveries.class);

  /** SQL state of a unique-key violation, in H2 and PostgreSQL alike. */
  private static final String DUPLICATE_KEY = "23505";

  private static final Duration TTL = Duration.ofMinutes(10);
  private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

  private final SlackRequestStore store;
  private final Clock clock;
  private Instant nextForget = Instant.MIN;

  RecentDeliveries(SlackRequestStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Whether the action {@code triggerId} arrives for the first time; records it if so. An action
   * without a trigger id cannot be recognised and always counts as new, and so does one that cannot
   * be recorded because the database does not answer: the action itself then says what went wrong.
   */
  boolean firstTime(String triggerId) {
    if (triggerId == null || triggerId.isEmpty()) {
      return true;
    }
    Instant now = clock.instant();
    try {
      forgetExpired(now);
      store.rememberAction(triggerId, now.plus(TTL).atOffset(ZoneOffset.UTC));
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (duplicate(e)) {
        return false;
      }
      LOG.warn("Could not note a Slack action as handled: {}", e.toString());
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Could not note a Slack action as handled: {}", e.toString());
      return true;
    }
  }

  private void forgetExpired(Instant now) {
    synchronized (this) {
      if (now.isBefore(nextForget)) {
        return;
      }
      nextForget = now.plus(FORGET_EVERY);
    }
    int unused = store.forgetExpiredActions(now.atOffset(ZoneOffset.UTC));
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
