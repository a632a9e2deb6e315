package io.pollcast.storage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * What privacy needs from the database: the voter key's fingerprint, a member's own rows, and the
 * removal of per-voter rows from closed polls while their counts stay. Votes on open polls are
 * withdrawn through {@link VoteWriter}, never here, so that the counters stay exact. Thread-safe:
 * every call takes its own handle from the pool.
 */
@RegisterRowMapper(PollMappers.PollMapper.class)
public interface PrivacyStore extends SqlObject {

  /** The fingerprint of the voter key the open polls are written with, if recorded. */
  @SqlQuery("SELECT fingerprint FROM voter_key WHERE id = 1")
  Optional<String> keyFingerprint();

  /** Records the fingerprint of the voter key in use (never the key itself). */
  @Transaction
  default void recordKeyFingerprint(String fingerprint, Instant at) {
    getHandle().execute("DELETE FROM voter_key");
    getHandle()
        .createUpdate(
            "INSERT INTO voter_key (id, fingerprint, recorded_at) VALUES (1, :fingerprint, :at)")
        .bind("fingerprint", fingerprint)
        .bind("at", Rows.utc(at))
        .execute();
  }

  /** The episodes that have at least one open poll, by number. */
  @SqlQuery("SELECT DISTINCT episode_number FROM poll WHERE state = 'OPEN' ORDER BY episode_number")
  List<Integer> episodesWithOpenPolls();

  /**
   * The polls on a platform whose per-voter rows are still kept: open, or closed but not purged.
   */
  @SqlQuery("SELECT * FROM poll WHERE platform = :platform AND votes_purged_at IS NULL ORDER BY id")
  List<PollRow> pollsWithVoterRows(@Bind("platform") String platform);

  /**
   * The option each pseudonym voted for, per poll, for the polls where it has a vote; read in one
   * handle.
   */
  default Map<Long, Integer> votesOf(Map<Long, VoterId> pseudonyms) {
    return optionsIn(
        "SELECT option_idx FROM vote WHERE poll_id = :poll AND voter = :voter", pseudonyms);
  }

  /**
   * The option each pseudonym chose in the before round of a debate poll, per poll, for the polls
   * whose after round has opened; read in one handle.
   */
  default Map<Long, Integer> beforeVotesOf(Map<Long, VoterId> pseudonyms) {
    return optionsIn(
        "SELECT option_idx FROM before_vote WHERE poll_id = :poll AND voter = :voter", pseudonyms);
  }

  /** Runs {@code query} for each poll and its pseudonym, in one handle. */
  private Map<Long, Integer> optionsIn(String query, Map<Long, VoterId> pseudonyms) {
    var handle = getHandle();
    Map<Long, Integer> votes = new LinkedHashMap<>();
    pseudonyms.forEach(
        (poll, voter) ->
            handle
                .createQuery(query)
                .bind("poll", poll)
                .bind("voter", voter.bytes())
                .mapTo(Integer.class)
                .findOne()
                .ifPresent(option -> votes.put(poll, option)));
    return votes;
  }

  /**
   * Removes a voter's before-round vote from a debate poll; it stays in the before round's counts,
   * which the after round's opening fixed. Returns whether there was one.
   */
  default boolean detachBeforeVote(long pollId, VoterId voter) {
    return getHandle()
            .createUpdate("DELETE FROM before_vote WHERE poll_id = :poll AND voter = :voter")
            .bind("poll", pollId)
            .bind("voter", voter.bytes())
            .execute()
        > 0;
  }

  /**
   * Removes a voter's row from a closed poll while their vote stays in the count (it becomes one of
   * the option's anonymous votes). Returns false, changing nothing, if the poll is open or the
   * voter has no row there.
   */
  @Transaction
  default boolean detachClosedVote(long pollId, VoterId voter) {
    var handle = getHandle();
    boolean closed =
        handle
            .createQuery("SELECT state FROM poll WHERE id = :poll FOR UPDATE")
            .bind("poll", pollId)
            .mapTo(String.class)
            .findOne()
            .map(PollState.CLOSED.name()::equals)
            .orElse(false);
    if (!closed) {
      return false;
    }
    Optional<Integer> option =
        handle
            .createQuery("SELECT option_idx FROM vote WHERE poll_id = :poll AND voter = :voter")
            .bind("poll", pollId)
            .bind("voter", voter.bytes())
            .mapTo(Integer.class)
            .findOne();
    if (option.isEmpty()) {
      return false;
    }
    handle
        .createUpdate("DELETE FROM vote WHERE poll_id = :poll AND voter = :voter")
        .bind("poll", pollId)
        .bind("voter", voter.bytes())
        .execute();
    handle
        .createUpdate(
            "UPDATE poll_option SET anonymous_votes = anonymous_votes + 1"
                + " WHERE poll_id = :poll AND idx = :option")
        .bind("poll", pollId)
        .bind("option", option.get())
        .execute();
    return true;
  }

  /**
   * Counts a debate poll's (before, after) pairs into {@code debate_pair}, then removes its before
   * round's votes and its reasons: what retention keeps of a debate is counts only.
   */
  private static void keepDebatePairs(org.jdbi.v3.core.Handle handle, long pollId) {
    handle
        .createUpdate(
            """
            INSERT INTO debate_pair (poll_id, before_idx, after_idx, voters)
            SELECT b.poll_id, b.option_idx, v.option_idx, COUNT(*)
            FROM before_vote b JOIN vote v ON v.poll_id = b.poll_id AND v.voter = b.voter
            WHERE b.poll_id = :poll
            GROUP BY b.poll_id, b.option_idx, v.option_idx
            """)
        .bind("poll", pollId)
        .execute();
    handle
        .createUpdate("DELETE FROM before_vote WHERE poll_id = :poll")
        .bind("poll", pollId)
        .execute();
    handle.createUpdate("DELETE FROM reason WHERE poll_id = :poll").bind("poll", pollId).execute();
  }

  /** Closed polls that closed at or before {@code closedBefore} and still keep per-voter rows. */
  default List<Long> pollsDueForPurge(Instant closedBefore) {
    return getHandle()
        .createQuery(
            "SELECT id FROM poll WHERE state = 'CLOSED' AND votes_purged_at IS NULL"
                + " AND closed_at <= :before ORDER BY id")
        .bind("before", Rows.utc(closedBefore))
        .mapTo(Long.class)
        .list();
  }

  /**
   * Removes every per-voter row of a closed poll in one transaction; its counters stay, all as
   * anonymous votes. Returns how many rows were removed; an open or already purged poll is left
   * alone.
   */
  @Transaction
  default int purgeVoterRows(long pollId, Instant at) {
    var handle = getHandle();
    boolean due =
        handle
            .createQuery(
                "SELECT id FROM poll WHERE id = :poll AND state = 'CLOSED'"
                    + " AND votes_purged_at IS NULL FOR UPDATE")
            .bind("poll", pollId)
            .mapTo(Long.class)
            .findOne()
            .isPresent();
    if (!due) {
      return 0;
    }
    handle
        .createUpdate("UPDATE poll_option SET anonymous_votes = votes WHERE poll_id = :poll")
        .bind("poll", pollId)
        .execute();
    keepDebatePairs(handle, pollId);
    int removed =
        handle
            .createUpdate("DELETE FROM vote WHERE poll_id = :poll")
            .bind("poll", pollId)
            .execute();
    handle
        .createUpdate("UPDATE poll SET votes_purged_at = :at WHERE id = :poll")
        .bind("poll", pollId)
        .bind("at", Rows.utc(at))
        .execute();
    return removed;
  }
}
