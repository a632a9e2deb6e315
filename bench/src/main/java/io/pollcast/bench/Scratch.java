package io.pollcast.bench;

import io.pollcast.config.StorageConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh, empty database for one measurement: an H2 file in a folder of its own, or a new schema
 * on a PostgreSQL server. Knows what it takes on disk, whether it is open or not.
 */
sealed interface Scratch permits Scratch.H2File, Scratch.PostgresSchema {
  /** The settings that open it through {@link io.pollcast.storage.Database#open}. */
  StorageConfig config();

  /**
   * What it takes on disk now, in bytes: H2's {@code .mv.db} file, or the total relation size
   * (indexes included) of the schema's tables on PostgreSQL.
   */
  long bytes();

  /** Deletes it; it must be closed. */
  void drop();

  /** Connections the bot's default pool keeps. */
  int POOL_SIZE = 4;

  /** An H2 file database {@code pollcast} in {@code parent/name}. */
  static Scratch h2(Path parent, String name) {
    return new H2File(parent.resolve(name));
  }

  /** A new schema on the PostgreSQL server at {@code server}, user {@code pollcast}. */
  static Scratch postgres(String server, String password, String name) {
    String schema = "bench_" + ProcessHandle.current().pid() + "_" + name;
    var scratch = new PostgresSchema(server, password, schema);
    scratch.execute("CREATE SCHEMA " + schema);
    return scratch;
  }

  /** An H2 file database in {@code dir}. */
  record H2File(Path dir) implements Scratch {
    @Override
    public StorageConfig config() {
      return new StorageConfig(
          "jdbc:h2:file:" + dir.resolve("pollcast").toAbsolutePath(), "sa", "", POOL_SIZE);
    }

    @Override
    public long bytes() {
      try {
        Path file = dir.resolve("pollcast.mv.db");
        return Files.exists(file) ? Files.size(file) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void drop() {
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A schema on a PostgreSQL server, the default schema of {@link #config}'s URL. */
  record PostgresSchema(String server, String password, String schema) implements Scratch {
    @Override
    public StorageConfig config() {
      String separator = server.contains("?") ? "&" : "?";
      return new StorageConfig(
          server + separator + "currentSchema=" + schema, "pollcast", password, POOL_SIZE);
    }

    @Override
    public long bytes() {
      try (Connection connection = connect();
          PreparedStatement query =
              connection.prepareStatement(
                  """
                  SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = ? AND c.relkind = 'r'
                  """)) {
        query.setString(1, schema);
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          return rows.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot measure schema " + schema, e);
      }
    }

    @Override
    public void drop() {
      execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
      try (Connection connection = connect();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot run " + sql + " at " + server, e);
      }
    }

    @Override
    public String toString() {
      return "PostgresSchema[server=" + server + ", schema=" + schema + "]";
    }

    private Connection connect() throws SQLException {
      return DriverManager.getConnection(server, "pollcast", password);
    }
  }
}
