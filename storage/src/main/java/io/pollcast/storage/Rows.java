package io.pollcast.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Conversions between column values and record fields, shared by the row mappers. */
final class Rows {
  private Rows() {}

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  static List<String> lines(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
  }

  static String joinLines(List<String> values) {
    return String.join("\n", values);
  }
}
