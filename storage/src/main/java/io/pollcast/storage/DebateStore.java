package io.pollcast.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * The rounds of debate polls: opening the after round, and reading what the before round and the
 * members who voted in both rounds leave. Switching rounds locks the polls as a vote batch does, so
 * every vote counts in exactly one round. Thread-safe: every call takes its own handle.
 */
@RegisterRowMapper(PollMappers.PollMapper.class)
@RegisterRowMapper(PollMappers.TallyMapper.class)
@RegisterConstructorMapper(DebatePair.class)
public interface DebateStore extends SqlObject {

  /**
   * Opens the after round of an episode's open debate polls that are in their before round, in one
   * transaction: the before round's votes and counts are kept aside, and the polls start the after
   * round with zeroed counters. Returns the polls switched (none if there were none).
   */
  @Transaction
  default List<PollRow> openAfterRound(int episode) {
    List<Long> ids =
        getHandle()
            .createQuery(
                """
                SELECT id FROM poll WHERE episode_number = :e AND state = 'OPEN'
                  AND debate_round = 'BEFORE' ORDER BY id FOR UPDATE
                """)
            .bind("e", episode)
            .mapTo(Long.class)
            .list();
    return switchRound(getHandle(), ids);
  }

  /** Whether an open debate poll's scheduled after round is due at {@code at}. */
  default boolean anyAfterDue(Instant at) {
    return getHandle()
        .createQuery(
            "SELECT COUNT(*) > 0 FROM poll"
                + " WHERE state = 'OPEN' AND debate_round = 'BEFORE' AND after_at <= :at")
        .bind("at", Rows.utc(at))
        .mapTo(Boolean.class)
        .one();
  }

  /** Opens the after round of every open debate poll whose scheduled time has come. */
  @Transaction
  default List<PollRow> openDueAfterRounds(Instant at) {
    List<Long> ids =
        getHandle()
            .createQuery(
                """
                SELECT id FROM poll WHERE state = 'OPEN' AND debate_round = 'BEFORE'
                  AND after_at <= :at ORDER BY id FOR UPDATE
                """)
            .bind("at", Rows.utc(at))
            .mapTo(Long.class)
            .list();
    return switchRound(getHandle(), ids);
  }

  private static List<PollRow> switchRound(Handle handle, List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    handle
        .createUpdate(
            "INSERT INTO before_vote (poll_id, voter, option_idx)"
                + " SELECT poll_id, voter, option_idx FROM vote WHERE poll_id IN (<ids>)")
        .bindList("ids", ids)
        .execute();
    handle
        .createUpdate(
            "INSERT INTO before_count (poll_id, idx, votes)"
                + " SELECT poll_id, idx, votes FROM poll_option WHERE poll_id IN (<ids>)")
        .bindList("ids", ids)
        .execute();
    handle.createUpdate("DELETE FROM vote WHERE poll_id IN (<ids>)").bindList("ids", ids).execute();
    handle
        .createUpdate(
            "UPDATE poll_option SET votes = 0, anonymous_votes = 0 WHERE poll_id IN (<ids>)")
        .bindList("ids", ids)
        .execute();
    handle
        .createUpdate("UPDATE poll SET debate_round = 'AFTER', after_at = NULL WHERE id IN (<ids>)")
        .bindList("ids", ids)
        .execute();
    return handle
        .createQuery("SELECT * FROM poll WHERE id IN (<ids>) ORDER BY id")
        .bindList("ids", ids)
        .map(new PollMappers.PollMapper())
        .list();
  }

  /**
   * The before round's counts of an episode's debate polls that are in their after round, per
   * thesis, platform and option, in the shape of {@link PollStore#tally}.
   */
  @SqlQuery(
      """
      SELECT p.thesis_number, p.platform, o.idx, o.label, SUM(b.votes) AS votes
      FROM poll p JOIN poll_option o ON o.poll_id = p.id
        JOIN before_count b ON b.poll_id = o.poll_id AND b.idx = o.idx
      WHERE p.episode_number = :episode AND p.debate_round = 'AFTER'
      GROUP BY p.thesis_number, p.platform, o.idx, o.label
      ORDER BY p.thesis_number, p.platform, o.idx
      """)
  List<TallyRow> beforeTally(@Bind("episode") int episode);

  /**
   * The (before, after) choices of the members who voted in both rounds of an episode's debate
   * polls: from their votes while those are kept, and from the pairs counted when retention removed
   * them.
   */
  @SqlQuery(
      """
      SELECT thesis_number, before_index, after_index, SUM(voters) AS voters FROM (
        SELECT p.thesis_number, b.option_idx AS before_index, v.option_idx AS after_index,
               COUNT(*) AS voters
        FROM before_vote b JOIN vote v ON v.poll_id = b.poll_id AND v.voter = b.voter
          JOIN poll p ON p.id = b.poll_id
        WHERE p.episode_number = :episode AND p.debate_round = 'AFTER'
        GROUP BY p.thesis_number, b.option_idx, v.option_idx
        UNION ALL
        SELECT p.thesis_number, d.before_idx, d.after_idx, d.voters
        FROM debate_pair d JOIN poll p ON p.id = d.poll_id
        WHERE p.episode_number = :episode
      ) pairs
      GROUP BY thesis_number, before_index, after_index
      ORDER BY thesis_number, before_index, after_index
      """)
  List<DebatePair> pairs(@Bind("episode") int episode);
}
