package io.pollcast.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * Polls, their options and their tallies. Votes are written through {@link VoteWriter}, never here.
 * Thread-safe: every call takes its own handle from the pool.
 */
@RegisterRowMapper(PollMappers.PollMapper.class)
@RegisterRowMapper(PollMappers.OptionMapper.class)
@RegisterRowMapper(PollMappers.TallyMapper.class)
public interface PollStore extends SqlObject {

  /** Opens a poll with its options and zeroed counters, in one transaction; returns its id. */
  @Transaction
  default long open(NewPoll poll) {
    var handle = getHandle();
    long id =
        handle
            .createUpdate(
                """
                INSERT INTO poll (episode_number, thesis_number, platform, channel, state,
                                  option_count, opened_at, closes_at, debate_round, after_at)
                VALUES (:episode, :thesis, :platform, :channel, 'OPEN',
                        :optionCount, :openedAt, :closesAt, :round, :afterAt)
                """)
            .bind("episode", poll.episodeNumber())
            .bind("thesis", poll.thesisNumber())
            .bind("platform", poll.platform())
            .bind("channel", poll.channel())
            .bind("optionCount", poll.options().size())
            .bind("openedAt", Rows.utc(poll.openedAt()))
            .bind("closesAt", poll.closesAt().map(Rows::utc).orElse(null))
            .bind("round", poll.debate() ? DebateRound.BEFORE.name() : null)
            .bind("afterAt", poll.afterAt().map(Rows::utc).orElse(null))
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    var options =
        handle.prepareBatch(
            "INSERT INTO poll_option (poll_id, idx, label) VALUES (:id, :idx, :label)");
    for (int i = 0; i < poll.options().size(); i++) {
      options.bind("id", id).bind("idx", i).bind("label", poll.options().get(i)).add();
    }
    options.execute();
    return id;
  }

  /** Records the platform's id of the message that shows the poll. */
  @SqlUpdate("UPDATE poll SET message = :message WHERE id = :id")
  void attachMessage(@Bind("id") long id, @Bind("message") String message);

  /** One poll. */
  @SqlQuery("SELECT * FROM poll WHERE id = :id")
  Optional<PollRow> find(@Bind("id") long id);

  /** How many polls are open, over all episodes and places. */
  @SqlQuery("SELECT COUNT(*) FROM poll WHERE state = 'OPEN'")
  long countOpen();

  /** The poll of a thesis in a place, if it was posted there. */
  @SqlQuery(
      """
      SELECT * FROM poll WHERE episode_number = :episode AND thesis_number = :thesis
        AND platform = :platform AND channel = :channel
      """)
  Optional<PollRow> findInPlace(
      @Bind("episode") int episode,
      @Bind("thesis") int thesis,
      @Bind("platform") String platform,
      @Bind("channel") String channel);

  /** Every poll of an episode, in every place. */
  @SqlQuery("SELECT * FROM poll WHERE episode_number = :episode ORDER BY thesis_number, id")
  List<PollRow> ofEpisode(@Bind("episode") int episode);

  /** The options of a poll with their counts, in button order. */
  @SqlQuery("SELECT * FROM poll_option WHERE poll_id = :poll ORDER BY idx")
  List<OptionCount> options(@Bind("poll") long poll);

  /** The options of every poll of an episode with their counts. */
  @SqlQuery(
      """
      SELECT o.* FROM poll_option o JOIN poll p ON p.id = o.poll_id
      WHERE p.episode_number = :episode ORDER BY o.poll_id, o.idx
      """)
  List<OptionCount> optionsOfEpisode(@Bind("episode") int episode);

  /**
   * The tally of an episode per thesis, platform and option, read from the counters: it never scans
   * the votes.
   */
  @SqlQuery(
      """
      SELECT p.thesis_number, p.platform, o.idx, o.label, SUM(o.votes) AS votes
      FROM poll p JOIN poll_option o ON o.poll_id = p.id
      WHERE p.episode_number = :episode
      GROUP BY p.thesis_number, p.platform, o.idx, o.label
      ORDER BY p.thesis_number, p.platform, o.idx
      """)
  List<TallyRow> tally(@Bind("episode") int episode);

  /** How many voters a poll has now. */
  @SqlQuery("SELECT COALESCE(SUM(votes), 0) FROM poll_option WHERE poll_id = :poll")
  int voters(@Bind("poll") long poll);

  /**
   * Closes every open poll of an episode in one transaction and returns the polls it closed; polls
   * that were closed already are left alone. Locks the polls, so a vote batch in flight either
   * lands before the close or is refused as late.
   */
  @Transaction
  default List<PollRow> close(int episode, Instant at) {
    var handle = getHandle();
    List<PollRow> open =
        handle
            .createQuery(
                "SELECT * FROM poll WHERE episode_number = :e AND state = 'OPEN' ORDER BY id FOR UPDATE")
            .bind("e", episode)
            .map(new PollMappers.PollMapper())
            .list();
    handle
        .createUpdate(
            "UPDATE poll SET state = 'CLOSED', closed_at = :at WHERE episode_number = :e AND state = 'OPEN'")
        .bind("e", episode)
        .bind("at", Rows.utc(at))
        .execute();
    return open.stream().map(p -> p.closedAt(at)).toList();
  }

  /**
   * Polls whose recount from the votes differs from their counters; empty when all is well. Votes
   * whose rows were removed after the poll closed (retention, a member's request) count as {@code
   * anonymous_votes}.
   */
  @SqlQuery(
      """
      SELECT o.poll_id, o.idx, o.label, o.votes - o.anonymous_votes - COALESCE(v.n, 0) AS votes
      FROM poll_option o
      LEFT JOIN (SELECT poll_id, option_idx, COUNT(*) AS n FROM vote GROUP BY poll_id, option_idx) v
        ON v.poll_id = o.poll_id AND v.option_idx = o.idx
      WHERE o.votes - o.anonymous_votes <> COALESCE(v.n, 0)
      ORDER BY o.poll_id, o.idx
      """)
  List<OptionCount> counterDifferences();
}
