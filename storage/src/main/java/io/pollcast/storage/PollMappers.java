package io.pollcast.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers for {@link PollStore}. */
final class PollMappers {
  private PollMappers() {}

  /** Maps a {@code poll} row. */
  public static final class PollMapper implements RowMapper<PollRow> {
    @Override
    public PollRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new PollRow(
          rs.getLong("id"),
          rs.getInt("episode_number"),
          rs.getInt("thesis_number"),
          rs.getString("platform"),
          rs.getString("channel"),
          Optional.ofNullable(rs.getString("message")),
          PollState.valueOf(rs.getString("state")),
          rs.getInt("option_count"),
          Rows.instant(rs, "opened_at"),
          Rows.optionalInstant(rs, "closes_at"),
          Rows.optionalInstant(rs, "closed_at"),
          Optional.ofNullable(rs.getString("debate_round")).map(DebateRound::valueOf),
          Rows.optionalInstant(rs, "after_at"));
    }
  }

  /** Maps a {@code poll_option} row, or a row of the same shape. */
  public static final class OptionMapper implements RowMapper<OptionCount> {
    @Override
    public OptionCount map(ResultSet rs, StatementContext ctx) throws SQLException {
      return option(rs);
    }

    static OptionCount option(ResultSet rs) throws SQLException {
      return new OptionCount(
          rs.getLong("poll_id"), rs.getInt("idx"), rs.getString("label"), rs.getInt("votes"));
    }
  }

  /** Maps a row of the episode tally that {@link PollStore#tally} reads. */
  public static final class TallyMapper implements RowMapper<TallyRow> {
    @Override
    public TallyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new TallyRow(
          rs.getInt("thesis_number"),
          rs.getString("platform"),
          rs.getInt("idx"),
          rs.getString("label"),
          rs.getInt("votes"));
    }
  }
}
