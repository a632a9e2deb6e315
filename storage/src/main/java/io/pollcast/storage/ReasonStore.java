package io.pollcast.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Members' reasons for their votes: one per voter pseudonym, poll and round, given only by a member
 * who has a vote in the poll's open round. Every change locks its poll's row first, as a vote batch
 * does, so that a burst of one member's reasons leaves exactly one, a reason never lands on a
 * closed poll, and the featured limit holds with several processes on one database. Thread-safe:
 * every call takes its own handle.
 */
public interface ReasonStore extends SqlObject {
  /** The longest reason, in characters (UTF-16 units, as the column counts them). */
  int MAX_LENGTH = 280;

  /** The most reasons featured on one thesis. */
  int MAX_FEATURED = 3;

  /** What giving or removing a reason did. */
  enum Outcome {
    /** Stored, where the member had none for this round. */
    GIVEN,
    /** Stored in place of the member's earlier reason for this round. */
    REPLACED,
    /** The member's reason for this round was removed. */
    REMOVED,
    /** Nothing to remove: the member had no reason for this round. */
    NONE,
    /** The member has no vote in the poll's open round; nothing changed. */
    NO_VOTE,
    /** The poll is closed (or gone); nothing changed. */
    POLL_CLOSED
  }

  /**
   * What a change did, and the round it counted for ({@code NONE}, {@code BEFORE} or {@code AFTER};
   * empty when refused for a closed poll).
   */
  record Change(Outcome outcome, Optional<String> round) {}

  /**
   * Gives or replaces the voter's reason on a poll for its open round, if they have a vote in it. A
   * replaced reason is a new one: it gets a new id and is shown, not featured.
   */
  @Transaction
  default Change give(long pollId, VoterId voter, String text, Instant at) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a reason holds 1 to " + MAX_LENGTH + " characters");
    }
    Handle handle = getHandle();
    Optional<String> round = lockOpenRound(handle, pollId);
    if (round.isEmpty()) {
      return new Change(Outcome.POLL_CLOSED, Optional.empty());
    }
    if (!hasVote(handle, pollId, voter)) {
      return new Change(Outcome.NO_VOTE, round);
    }
    boolean replaced = delete(handle, pollId, voter, round.get()) > 0;
    handle
        .createUpdate(
            """
            INSERT INTO reason (poll_id, voter, vote_round, reason_text, state, created_at)
            VALUES (:poll, :voter, :round, :text, 'SHOWN', :at)
            """)
        .bind("poll", pollId)
        .bind("voter", voter.bytes())
        .bind("round", round.get())
        .bind("text", text)
        .bind("at", Rows.utc(at))
        .execute();
    return new Change(replaced ? Outcome.REPLACED : Outcome.GIVEN, round);
  }

  /** Removes the voter's reason on a poll for its open round. */
  @Transaction
  default Change remove(long pollId, VoterId voter) {
    Handle handle = getHandle();
    Optional<String> round = lockOpenRound(handle, pollId);
    if (round.isEmpty()) {
      return new Change(Outcome.POLL_CLOSED, Optional.empty());
    }
    boolean removed = delete(handle, pollId, voter, round.get()) > 0;
    return new Change(removed ? Outcome.REMOVED : Outcome.NONE, round);
  }

  /** Locks an open poll's row and reads the round it takes votes in; empty if not open. */
  private static Optional<String> lockOpenRound(Handle handle, long pollId) {
    return handle
        .createQuery(
            "SELECT COALESCE(debate_round, 'NONE') FROM poll"
                + " WHERE id = :poll AND state = 'OPEN' FOR UPDATE")
        .bind("poll", pollId)
        .mapTo(String.class)
        .findOne();
  }

  private static boolean hasVote(Handle handle, long pollId, VoterId voter) {
    return handle
            .createQuery("SELECT COUNT(*) FROM vote WHERE poll_id = :poll AND voter = :voter")
            .bind("poll", pollId)
            .bind("voter", voter.bytes())
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private static int delete(Handle handle, long pollId, VoterId voter, String round) {
    return handle
        .createUpdate(
            "DELETE FROM reason WHERE poll_id = :poll AND voter = :voter AND vote_round = :round")
        .bind("poll", pollId)
        .bind("voter", voter.bytes())
        .bind("round", round)
        .execute();
  }

  /** The reasons on a thesis, over every place it was posted, newest first. */
  default List<ReasonRow> ofThesis(int episode, int thesis) {
    return getHandle()
        .createQuery(
            """
            SELECT r.id, p.thesis_number, r.vote_round, r.reason_text, r.state, r.created_at
            FROM reason r JOIN poll p ON p.id = r.poll_id
            WHERE p.episode_number = :episode AND p.thesis_number = :thesis
            ORDER BY r.created_at DESC, r.id DESC
            """)
        .bind("episode", episode)
        .bind("thesis", thesis)
        .map(ReasonStore::row)
        .list();
  }

  /** The featured reasons of an episode's theses, by thesis, oldest first. */
  default List<ReasonRow> featured(int episode) {
    return getHandle()
        .createQuery(
            """
            SELECT r.id, p.thesis_number, r.vote_round, r.reason_text, r.state, r.created_at
            FROM reason r JOIN poll p ON p.id = r.poll_id
            WHERE p.episode_number = :episode AND r.state = 'FEATURED'
            ORDER BY p.thesis_number, r.created_at, r.id
            """)
        .bind("episode", episode)
        .map(ReasonStore::row)
        .list();
  }

  /** What setting a reason's state did. */
  enum StateChange {
    /** The state is set (or already was). */
    SET,
    /** No reason with that id on that thesis. */
    UNKNOWN,
    /** Featuring it would make more than {@value ReasonStore#MAX_FEATURED} featured. */
    TOO_MANY
  }

  /**
   * Sets the state of a reason on a thesis ({@code SHOWN}, {@code FEATURED} or {@code HIDDEN}).
   * Locks the thesis's polls first, so that two moderators featuring at once cannot pass the limit.
   */
  @Transaction
  default StateChange setState(int episode, int thesis, long reasonId, String state) {
    Handle handle = getHandle();
    handle
        .createQuery(
            "SELECT id FROM poll WHERE episode_number = :episode AND thesis_number = :thesis"
                + " ORDER BY id FOR UPDATE")
        .bind("episode", episode)
        .bind("thesis", thesis)
        .mapTo(Long.class)
        .list();
    Optional<String> current =
        handle
            .createQuery(
                """
                SELECT r.state FROM reason r JOIN poll p ON p.id = r.poll_id
                WHERE r.id = :id AND p.episode_number = :episode AND p.thesis_number = :thesis
                """)
            .bind("id", reasonId)
            .bind("episode", episode)
            .bind("thesis", thesis)
            .mapTo(String.class)
            .findOne();
    if (current.isEmpty()) {
      return StateChange.UNKNOWN;
    }
    if (state.equals("FEATURED") && !current.get().equals("FEATURED")) {
      int featured =
          handle
              .createQuery(
                  """
                  SELECT COUNT(*) FROM reason r JOIN poll p ON p.id = r.poll_id
                  WHERE p.episode_number = :episode AND p.thesis_number = :thesis
                    AND r.state = 'FEATURED'
                  """)
              .bind("episode", episode)
              .bind("thesis", thesis)
              .mapTo(Integer.class)
              .one();
      if (featured >= MAX_FEATURED) {
        return StateChange.TOO_MANY;
      }
    }
    handle
        .createUpdate("UPDATE reason SET state = :state WHERE id = :id")
        .bind("state", state)
        .bind("id", reasonId)
        .execute();
    return StateChange.SET;
  }

  /** The reasons each pseudonym gave on its poll, by poll; read in one handle. */
  default Map<Long, List<ReasonRow>> ofVoters(Map<Long, VoterId> pseudonyms) {
    Handle handle = getHandle();
    Map<Long, List<ReasonRow>> rows = new LinkedHashMap<>();
    pseudonyms.forEach(
        (poll, voter) -> {
          List<ReasonRow> given =
              handle
                  .createQuery(
                      """
                        SELECT r.id, p.thesis_number, r.vote_round, r.reason_text, r.state,
                               r.created_at
                        FROM reason r JOIN poll p ON p.id = r.poll_id
                        WHERE r.poll_id = :poll AND r.voter = :voter ORDER BY r.id
                        """)
                  .bind("poll", poll)
                  .bind("voter", voter.bytes())
                  .map(ReasonStore::row)
                  .list();
          if (!given.isEmpty()) {
            rows.put(poll, given);
          }
        });
    return rows;
  }

  /** Removes every reason of each pseudonym on its poll; returns how many were removed. */
  @Transaction
  default int removeAllOf(Map<Long, VoterId> pseudonyms) {
    Handle handle = getHandle();
    int removed = 0;
    for (var entry : pseudonyms.entrySet()) {
      removed +=
          handle
              .createUpdate("DELETE FROM reason WHERE poll_id = :poll AND voter = :voter")
              .bind("poll", entry.getKey())
              .bind("voter", entry.getValue().bytes())
              .execute();
    }
    return removed;
  }

  private static ReasonRow row(ResultSet rs, StatementContext context) throws SQLException {
    return new ReasonRow(
        rs.getLong("id"),
        rs.getInt("thesis_number"),
        rs.getString("vote_round"),
        rs.getString("reason_text"),
        rs.getString("state"),
        Rows.instant(rs, "created_at"));
  }
}
