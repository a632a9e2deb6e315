package io.pollcast.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps an {@code announcement} row. */
public final class AnnouncementMapper implements RowMapper<AnnouncementRow> {
  @Override
  public AnnouncementRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new AnnouncementRow(
        rs.getLong("id"),
        rs.getInt("episode_number"),
        rs.getString("platform"),
        rs.getString("channel"),
        rs.getBoolean("updated"),
        AnnouncementState.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "next_attempt_at"),
        Rows.optionalInstant(rs, "delivered_at"),
        Optional.ofNullable(rs.getString("last_error")));
  }
}
