package io.pollcast.storage;

import io.pollcast.storage.BallotReplay.PollInfo;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
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
   * The current votes of these voters on these polls; voters without a vote are absent. Both
   * engines look each (poll, voter) up in the primary key.
   */
  @SqlQuery(
      "SELECT poll_id, voter, option_idx AS option FROM vote WHERE (poll_id, voter) IN (<keys>)")
  List<Ballot> ballots(
      @BindMethodsList(
              value = "keys",
              methodNames = {"pollId", "voterBytes"})
          List<BallotKey> keys);

  @SqlBatch("INSERT INTO vote (poll_id, voter, option_idx) VALUES (:pollId, :voterBytes, :option)")
  void insert(@BindMethods List<Ballot> ballots);

  @SqlBatch("UPDATE vote SET option_idx = :option WHERE poll_id = :pollId AND voter = :voterBytes")
  void update(@BindMethods List<Ballot> ballots);

  @SqlBatch("DELETE FROM vote WHERE poll_id = :pollId AND voter = :voterBytes")
  void delete(@BindMethods List<Ballot> ballots);

  @SqlBatch(
      "UPDATE poll_option SET votes = votes + :delta WHERE poll_id = :pollId AND idx = :option")
  void count(@BindMethods List<CounterChange> changes);
}
