package io.pollcast.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The outbox of results announcements, written by {@link ClosingStore} in the same transaction as
 * the close. A deliverer {@link #claim claims} an entry (PENDING to ATTEMPTING, committed) before
 * it asks the platform to post, and marks it {@link #markDone done} only after the platform
 * accepted. Every state change is conditional on the state it leaves, so two deliverers never both
 * own an entry. Thread-safe: every call takes its own handle from the pool.
 */
@RegisterRowMapper(AnnouncementMapper.class)
public interface AnnouncementStore extends SqlObject {
  /** The longest error text kept. */
  int MAX_ERROR_LENGTH = 500;

  /** One entry. */
  @SqlQuery("SELECT * FROM announcement WHERE id = :id")
  Optional<AnnouncementRow> find(@Bind("id") long id);

  /** Every entry of an episode, oldest first. */
  @SqlQuery("SELECT * FROM announcement WHERE episode_number = :episode ORDER BY id")
  List<AnnouncementRow> ofEpisode(@Bind("episode") int episode);

  /** The polls whose closing an entry reports. */
  @SqlQuery("SELECT poll_id FROM announcement_poll WHERE announcement_id = :id ORDER BY poll_id")
  List<Long> polls(@Bind("id") long id);

  /**
   * Whether an entry that reports any of the given polls is not delivered yet: pending (waiting or
   * to be retried) or being delivered.
   */
  @SqlQuery(
      """
      SELECT COUNT(*) > 0 FROM announcement a JOIN announcement_poll p ON p.announcement_id = a.id
      WHERE p.poll_id IN (<ids>) AND a.state IN ('PENDING', 'ATTEMPTING')
      """)
  boolean anyUndelivered(@BindList("ids") List<Long> pollIds);

  /** How many entries are not delivered yet: pending, or being delivered. */
  @SqlQuery("SELECT COUNT(*) FROM announcement WHERE state IN ('PENDING', 'ATTEMPTING')")
  long countUndelivered();

  /** Whether any poll an entry reports is open again. */
  @SqlQuery(
      """
      SELECT COUNT(*) > 0 FROM announcement_poll a JOIN poll p ON p.id = a.poll_id
      WHERE a.announcement_id = :id AND p.state = 'OPEN'
      """)
  boolean reopened(@Bind("id") long id);

  /** Pending entries for the given platforms that may be tried at {@code now}, oldest first. */
  default List<AnnouncementRow> due(Instant now, List<String> platforms) {
    if (platforms.isEmpty()) {
      return List.of();
    }
    return getHandle()
        .createQuery(
            """
            SELECT * FROM announcement
            WHERE state = 'PENDING' AND next_attempt_at <= :now AND platform IN (<platforms>)
            ORDER BY id
            """)
        .bind("now", Rows.utc(now))
        .bindList("platforms", platforms)
        .map(new AnnouncementMapper())
        .list();
  }

  /**
   * Takes a pending entry for delivery: ATTEMPTING, one more attempt. Returns false when it was not
   * pending any more (another deliverer has it, or it was cancelled).
   */
  default boolean claim(long id, Instant at) {
    return getHandle()
            .createUpdate(
                """
                UPDATE announcement SET state = 'ATTEMPTING', attempts = attempts + 1,
                                        attempted_at = :at
                WHERE id = :id AND state = 'PENDING'
                """)
            .bind("id", id)
            .bind("at", Rows.utc(at))
            .execute()
        == 1;
  }

  /** The platform accepted the entry. */
  default void markDone(long id, Instant at) {
    getHandle()
        .createUpdate(
            """
            UPDATE announcement SET state = 'DONE', delivered_at = :at, last_error = NULL
            WHERE id = :id AND state = 'ATTEMPTING'
            """)
        .bind("id", id)
        .bind("at", Rows.utc(at))
        .execute();
  }

  /**
   * The platform refused or could not be reached: the entry is pending again from {@code retryAt}.
   */
  default void markFailed(long id, Instant retryAt, String error) {
    String shortError =
        error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
    getHandle()
        .createUpdate(
            """
            UPDATE announcement SET state = 'PENDING', next_attempt_at = :retryAt,
                                    last_error = :error
            WHERE id = :id AND state = 'ATTEMPTING'
            """)
        .bind("id", id)
        .bind("retryAt", Rows.utc(retryAt))
        .bind("error", shortError)
        .execute();
  }

  /** A claimed entry is not to be posted after all: its polls were reopened. */
  @SqlUpdate("UPDATE announcement SET state = 'CANCELLED' WHERE id = :id AND state = 'ATTEMPTING'")
  void cancelClaimed(@Bind("id") long id);

  /**
   * Takes the oldest pending entry for the given platforms that may be tried at {@code at}, for
   * {@code claimer}: ATTEMPTING, one more attempt, committed before this returns. Entries that
   * another process is claiming at the same moment are skipped ({@code FOR UPDATE SKIP LOCKED}), so
   * processes sharing the database never wait for each other nor take the same entry.
   */
  @Transaction
  default Optional<AnnouncementRow> claimNext(Instant at, List<String> platforms, String claimer) {
    if (platforms.isEmpty()) {
      return Optional.empty();
    }
    Optional<AnnouncementRow> next =
        getHandle()
            .createQuery(
                """
                SELECT * FROM announcement
                WHERE state = 'PENDING' AND next_attempt_at <= :now AND platform IN (<platforms>)
                ORDER BY id FETCH FIRST 1 ROW ONLY FOR UPDATE SKIP LOCKED
                """)
            .bind("now", Rows.utc(at))
            .bindList("platforms", platforms)
            .map(new AnnouncementMapper())
            .findOne();
    if (next.isEmpty()) {
      return next;
    }
    getHandle()
        .createUpdate(
            """
            UPDATE announcement SET state = 'ATTEMPTING', attempts = attempts + 1,
                                    attempted_at = :at, claimed_by = :claimer
            WHERE id = :id AND state = 'PENDING'
            """)
        .bind("id", next.get().id())
        .bind("at", Rows.utc(at))
        .bind("claimer", claimer)
        .execute();
    return next;
  }

  /**
   * Makes entries left ATTEMPTING by a process that is gone pending again, at once: those whose
   * claimer holds no live {@code process:<claimer>} lease ({@link LeaseStore}), such as a process
   * that was killed, lost its database connection or stopped mid-delivery. Entries that a live
   * process is delivering stay its own. Returns how many there were.
   */
  default int recoverAbandoned(Instant now) {
    return getHandle()
        .createUpdate(
            """
            UPDATE announcement SET state = 'PENDING', next_attempt_at = :now, claimed_by = NULL
            WHERE state = 'ATTEMPTING'
              AND (claimed_by IS NULL OR NOT EXISTS (
                SELECT 1 FROM lease l
                WHERE l.name = CONCAT('process:', announcement.claimed_by)
                  AND l.expires_at >= CURRENT_TIMESTAMP))
            """)
        .bind("now", Rows.utc(now))
        .execute();
  }

  /** The name of the lease that shows {@code claimer} alive to {@link #recoverAbandoned}. */
  static String processLease(String claimer) {
    return "process:" + claimer;
  }
}
