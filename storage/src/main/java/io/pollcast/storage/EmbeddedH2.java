package io.pollcast.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * What kind of H2 database a connection reaches: one this process opened itself, on a file or in
 * memory, or one another process serves (H2's {@code AUTO_SERVER}, a TCP server). Only the process
 * that opened a file may keep it up or keep a vote journal beside it.
 */
enum EmbeddedH2 {
  /** An H2 file database opened in this process. */
  FILE,
  /** An H2 in-memory database of this process. */
  MEMORY,
  /** Another process's database, or not H2 at all. */
  ELSEWHERE;

  /** The kind of database the pool's connections reach. */
  static EmbeddedH2 of(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      Optional<SessionLocal> session = session(connection);
      if (session.isEmpty()) {
        return ELSEWHERE;
      }
      return session.get().getDatabase().isPersistent() ? FILE : MEMORY;
    }
  }

  /** The store of an H2 file database opened in this process, if the connection reaches one. */
  static Optional<MVStore> store(Connection connection) throws SQLException {
    Optional<SessionLocal> session = session(connection);
    if (session.isEmpty() || !session.get().getDatabase().isPersistent()) {
      return Optional.empty();
    }
    var store = session.get().getDatabase().getStore();
    if (store == null) {
      return Optional.empty();
    }
    MVStore mvStore = store.getMvStore();
    return mvStore.isClosed() || mvStore.isReadOnly() ? Optional.empty() : Optional.of(mvStore);
  }

  /** The file of an H2 file database opened in this process ({@code ….mv.db}), if it is one. */
  static Optional<Path> file(DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      return store(connection).map(store -> Path.of(store.getFileStore().getFileName()));
    }
  }

  private static Optional<SessionLocal> session(Connection connection) throws SQLException {
    if (connection.isWrapperFor(JdbcConnection.class)
        && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
      return Optional.of(session);
    }
    return Optional.empty();
  }
}
