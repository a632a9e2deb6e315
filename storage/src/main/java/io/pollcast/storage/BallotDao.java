package io.pollcast.storage;

import io.pollcast.storage.BallotReplay.PollInfo;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The statements of a {@link VoteBatch}, on the batch's transaction: lock its polls, read its
 * voters' current votes, write the net changes.
 */
@RegisterConstructorMapper(PollInfo.class)
@RegisterConstructorMapper(Ballot.class)
interface BallotDao {

  /**
   * The polls with these ids, locked until the transaction ends in the order of their ids (so that
   * two writers never wait for each other in a circle): no close, and no other writer's batch on
   * the same polls, can commit between reading a poll and writing its votes.
   */
  @SqlQuery(
      "SELECT id, state = 'OPEN' AS is_open, option_count, debate_round FROM poll"
          + " WHERE id IN (<ids>)"
          + " ORDER BY id FOR UPDATE")
  List<PollInfo> lockPolls(@BindList("ids") Collection<Long> ids);

  /**
   * The current votes of the voters {@code voters[i]} on the polls {@code polls[i]}; voters without
   * a vote are absent. One statement whatever the batch's size: both engines unnest the two arrays
   * into a table of keys and look each key up in the votes' primary key.
   */
  @SqlQuery(
      "SELECT v.poll_id, v.voter, v.option_idx AS option"
          + " FROM UNNEST(CAST(:polls AS BIGINT ARRAY), CAST(:voters AS BYTEA ARRAY))"
          + " AS k (poll_id, voter)"
          + " JOIN vote v ON v.poll_id = k.poll_id AND v.voter = k.voter")
  List<Ballot> ballots(@Bind("polls") long[] polls, @Bind("voters") BinaryArray voters);

  @SqlBatch("INSERT INTO vote (poll_id, voter, option_idx) VALUES (:pollId, :voterBytes, :option)")
  void insert(@BindMethods List<Ballot> ballots);

  @SqlBatch("UPDATE vote SET option_idx = :option WHERE poll_id = :pollId AND voter = :voterBytes")
  void update(@BindMethods List<Ballot> ballots);

  @SqlBatch("DELETE FROM vote WHERE poll_id = :pollId AND voter = :voterBytes")
  void delete(@BindMethods List<Ballot> ballots);

  /** A withdrawn vote takes its reason with it: the reason of the round the poll is in. */
  @SqlBatch(
      "DELETE FROM reason WHERE poll_id = :pollId AND voter = :voterBytes"
          + " AND vote_round = (SELECT COALESCE(debate_round, 'NONE') FROM poll WHERE id = :pollId)")
  void deleteReasons(@BindMethods List<Ballot> ballots);

  @SqlBatch(
      "UPDATE poll_option SET votes = votes + :delta WHERE poll_id = :pollId AND idx = :option")
  void count(@BindMethods List<CounterChange> changes);
}
