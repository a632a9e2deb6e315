package io.pollcast.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers for {@link EpisodeStore}. */
final class EpisodeMappers {
  private EpisodeMappers() {}

  /** Maps an {@code episode} row. */
  public static final class EpisodeMapper implements RowMapper<EpisodeRow> {
    @Override
    public EpisodeRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new EpisodeRow(
          rs.getInt("number"),
          rs.getString("title"),
          Rows.lines(rs.getString("options")),
          Optional.ofNullable(rs.getString("closing")),
          Rows.instant(rs, "imported_at"),
          rs.getBoolean("debate"));
    }
  }

  /** Maps a {@code thesis} row. */
  public static final class ThesisMapper implements RowMapper<ThesisRow> {
    @Override
    public ThesisRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ThesisRow(
          rs.getInt("episode_number"),
          rs.getInt("number"),
          rs.getString("text"),
          rs.getString("context"));
    }
  }

  /** Maps an episode summary. */
  public static final class SummaryMapper implements RowMapper<EpisodeSummary> {
    @Override
    public EpisodeSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new EpisodeSummary(
          rs.getInt("number"),
          rs.getString("title"),
          rs.getInt("theses"),
          rs.getInt("open_polls"),
          rs.getInt("closed_polls"));
    }
  }
}
