package io.pollcast.storage;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Named leases that one process holds at a time until they expire, for the work that must not run
 * in two processes sharing the database: a Discord gateway session, a routine's run. Expiry is
 * judged by the database's clock, so the processes' clocks need not agree. Thread-safe: every call
 * takes its own handle.
 */
public interface LeaseStore extends SqlObject {
  /** SQL state of a unique-key violation, in H2 and PostgreSQL alike. */
  String DUPLICATE_KEY = "23505";

  /**
   * Takes or renews the lease {@code name} for {@code holder} until {@code ttl} from now: true if
   * the holder has it now, false if another holder's lease has not expired.
   */
  default boolean tryHold(String name, String holder, Duration ttl) {
    Handle handle = getHandle();
    OffsetDateTime now = databaseNow();
    OffsetDateTime until = now.plus(ttl);
    int renewed =
        handle
            .createUpdate(
                """
                UPDATE lease SET holder = :holder, expires_at = :until
                WHERE name = :name AND (holder = :holder OR expires_at < :now)
                """)
            .bind("name", name)
            .bind("holder", holder)
            .bind("until", until)
            .bind("now", now)
            .execute();
    if (renewed == 1) {
      return true;
    }
    try {
      handle
          .createUpdate(
              "INSERT INTO lease (name, holder, expires_at) VALUES (:name, :holder, :until)")
          .bind("name", name)
          .bind("holder", holder)
          .bind("until", until)
          .execute();
      return true;
    } catch (UnableToExecuteStatementException e) {
      if (duplicate(e)) {
        return false;
      }
      throw e;
    }
  }

  /** Gives the lease up, if {@code holder} holds it, so that another process need not wait. */
  @SqlUpdate("DELETE FROM lease WHERE name = :name AND holder = :holder")
  void release(@Bind("name") String name, @Bind("holder") String holder);

  /** Who holds the lease now, if anyone does and it has not expired. */
  default Optional<String> holder(String name) {
    return getHandle()
        .createQuery("SELECT holder FROM lease WHERE name = :name AND expires_at >= :now")
        .bind("name", name)
        .bind("now", databaseNow())
        .mapTo(String.class)
        .findOne();
  }

  /** The database's clock, in UTC: the one clock every process sharing the database reads. */
  @SqlQuery("SELECT CURRENT_TIMESTAMP")
  OffsetDateTime databaseTime();

  /** {@link #databaseTime()} in UTC. */
  default OffsetDateTime databaseNow() {
    return databaseTime().withOffsetSameInstant(ZoneOffset.UTC);
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
