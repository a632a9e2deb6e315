package io.pollcast.storage;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Binary values bound as one SQL array parameter: {@code bytea[]} on PostgreSQL, an array of binary
 * strings on H2. JDBI binds its own arrays as an {@code Object[]}, which PostgreSQL's driver
 * refuses for binary elements, so this argument hands the driver the {@code byte[][]} itself.
 */
final class BinaryArray implements Argument {
  private final byte[][] values;

  BinaryArray(byte[][] values) {
    this.values = values;
  }

  @Override
  public void apply(int position, PreparedStatement statement, StatementContext ctx)
      throws SQLException {
    Array array = statement.getConnection().createArrayOf("bytea", values);
    ctx.addCleanable(array::free);
    statement.setArray(position, array);
  }

  @Override
  public String toString() {
    return values.length + " binary values";
  }
}
