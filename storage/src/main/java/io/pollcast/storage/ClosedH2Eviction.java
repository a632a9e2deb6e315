package io.pollcast.storage;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * H2 closes an embedded database when it cannot write its file (a full disk): every connection to
 * it then fails with "The database has been closed", an error the pool would not take as a broken
 * connection. This one makes the pool drop such a connection, so that the next statement opens the
 * database afresh, which succeeds once there is room again. The pool's other connections lead to
 * the same closed database, so they are replaced too (those in use when they come back).
 */
final class ClosedH2Eviction implements SQLExceptionOverride {
  /** H2's {@code ErrorCode.DATABASE_IS_CLOSED}. */
  private static final int DATABASE_IS_CLOSED = 90098;

  private volatile HikariDataSource pool;

  /** The pool whose other connections are replaced too; set once it has been created. */
  void evictFrom(HikariDataSource pool) {
    this.pool = pool;
  }

  @java.lang.Override
  public Override adjudicate(SQLException e) {
    if (e.getErrorCode() != DATABASE_IS_CLOSED) {
      return Override.CONTINUE_EVICT;
    }
    HikariDataSource connections = pool;
    if (connections != null && connections.getHikariPoolMXBean() != null) {
      connections.getHikariPoolMXBean().softEvictConnections();
    }
    return Override.MUST_EVICT;
  }
}
