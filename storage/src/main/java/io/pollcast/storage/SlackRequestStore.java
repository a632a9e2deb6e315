package io.pollcast.storage;

import java.time.OffsetDateTime;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The Slack requests already carried out, by signature, until they expire: what makes each request
 * count at most once across restarts and processes sharing the database.
 */
public interface SlackRequestStore {

  /**
   * Remembers a request's signature until {@code expiresAt}.
   *
   * @throws org.jdbi.v3.core.statement.UnableToExecuteStatementException with SQL state {@code
   *     23505} (H2 and PostgreSQL alike) if the signature is remembered already
   */
  @SqlUpdate("INSERT INTO slack_request (signature, expires_at) VALUES (:signature, :expiresAt)")
  void remember(@Bind("signature") String signature, @Bind("expiresAt") OffsetDateTime expiresAt);

  /** Forgets the signatures that expired before {@code now}; returns how many. */
  @SqlUpdate("DELETE FROM slack_request WHERE expires_at < :now")
  int forgetExpired(@Bind("now") OffsetDateTime now);

  /**
   * Remembers a user action (a slash command, click or submission, by Slack's trigger id) until
   * {@code expiresAt}, so that Slack's retry of its delivery is recognised by any process.
   *
   * @throws org.jdbi.v3.core.statement.UnableToExecuteStatementException with SQL state {@code
   *     23505} if the action is remembered already
   */
  @SqlUpdate("INSERT INTO slack_action (trigger_id, expires_at) VALUES (:triggerId, :expiresAt)")
  void rememberAction(
      @Bind("triggerId") String triggerId, @Bind("expiresAt") OffsetDateTime expiresAt);

  /** Forgets the actions that expired before {@code now}; returns how many. */
  @SqlUpdate("DELETE FROM slack_action WHERE expires_at < :now")
  int forgetExpiredActions(@Bind("now") OffsetDateTime now);
}
