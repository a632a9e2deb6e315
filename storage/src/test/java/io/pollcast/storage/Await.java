package io.pollcast.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waiting for conditions in tests, with a deadline instead of sleeps. */
public final class Await {
  private Await() {}

  /** Waits up to 30 s until {@code condition} holds, checking every millisecond. */
  public static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 30 s for a condition").isLessThan(deadline);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  /** How many sessions of the database wait for a lock another session holds. */
  static long blockedSessions(Database db) {
    String query =
        switch (db.engine()) {
          case H2 ->
              "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
          case POSTGRESQL ->
              "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                  + " AND datname = current_database()";
        };
    return db.jdbi().withHandle(h -> h.createQuery(query).mapTo(Long.class).one());
  }
}
