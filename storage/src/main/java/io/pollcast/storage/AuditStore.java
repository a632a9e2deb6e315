package io.pollcast.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The audit log of hosts' and moderators' actions. Thread-safe. */
@RegisterRowMapper(AuditStore.EntryMapper.class)
public interface AuditStore extends SqlObject {

  /** Appends an entry. */
  default void append(
      Instant at,
      String platform,
      String userId,
      String displayName,
      String action,
      Optional<Integer> episode,
      String detail) {
    getHandle()
        .createUpdate(
            """
            INSERT INTO audit_log (at, platform, user_id, display_name, action, episode_number,
                                   detail)
            VALUES (:at, :platform, :userId, :displayName, :action, :episode, :detail)
            """)
        .bind("at", Rows.utc(at))
        .bind("platform", platform)
        .bind("userId", userId)
        .bind("displayName", displayName)
        .bind("action", action)
        .bind("episode", episode.orElse(null))
        .bind("detail", detail)
        .execute();
  }

  /** Every entry, oldest first. */
  @SqlQuery("SELECT * FROM audit_log ORDER BY id")
  List<AuditEntry> all();

  /** How many entries name this person. */
  @SqlQuery("SELECT COUNT(*) FROM audit_log WHERE platform = :platform AND user_id = :userId")
  int countOf(@Bind("platform") String platform, @Bind("userId") String userId);

  /** Maps an {@code audit_log} row. */
  final class EntryMapper implements RowMapper<AuditEntry> {
    @Override
    public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
      int number = rs.getInt("episode_number");
      Optional<Integer> episode = rs.wasNull() ? Optional.empty() : Optional.of(number);
      return new AuditEntry(
          rs.getLong("id"),
          Rows.instant(rs, "at"),
          rs.getString("platform"),
          rs.getString("user_id"),
          rs.getString("display_name"),
          rs.getString("action"),
          episode,
          rs.getString("detail"));
    }
  }
}
