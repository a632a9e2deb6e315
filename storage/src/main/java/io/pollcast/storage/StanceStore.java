package io.pollcast.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Where the hosts stand on an episode's theses: one stance per host and thesis. Thread-safe. */
@RegisterConstructorMapper(StanceRow.class)
public interface StanceStore {

  /** Records a host's stance on a thesis, replacing the one they took before. */
  @Transaction
  default void record(
      int episode,
      int thesis,
      String platform,
      String userId,
      String displayName,
      String option,
      Instant at) {
    remove(episode, thesis, platform, userId);
    insert(episode, thesis, platform, userId, displayName, option, Rows.utc(at));
  }

  /**
   * Replaces every stance of an episode that came from {@code platform} (such as {@code file}, the
   * episode file) with {@code stances}, in one transaction; stances taken in a chat stay. A stance
   * from a file is keyed by its host's name, or by {@code hosts} when it speaks for them together
   * (then its display name is empty).
   */
  @Transaction
  default void replaceFrom(String platform, int episode, List<StanceRow> stances, Instant at) {
    removeFrom(episode, platform);
    for (StanceRow stance : stances) {
      String userId = stance.displayName().isEmpty() ? "hosts" : stance.displayName();
      insert(
          episode,
          stance.thesisNumber(),
          platform,
          userId,
          stance.displayName(),
          stance.optionLabel(),
          Rows.utc(at));
    }
  }

  @SqlUpdate("DELETE FROM stance WHERE episode_number = :episode AND platform = :platform")
  void removeFrom(@Bind("episode") int episode, @Bind("platform") String platform);

  @SqlUpdate(
      "DELETE FROM stance WHERE episode_number = :episode AND thesis_number = :thesis"
          + " AND platform = :platform AND user_id = :userId")
  void remove(
      @Bind("episode") int episode,
      @Bind("thesis") int thesis,
      @Bind("platform") String platform,
      @Bind("userId") String userId);

  @SqlUpdate(
      """
      INSERT INTO stance (episode_number, thesis_number, platform, user_id, display_name,
                          option_label, recorded_at)
      VALUES (:episode, :thesis, :platform, :userId, :name, :option, :at)
      """)
  void insert(
      @Bind("episode") int episode,
      @Bind("thesis") int thesis,
      @Bind("platform") String platform,
      @Bind("userId") String userId,
      @Bind("name") String displayName,
      @Bind("option") String option,
      @Bind("at") java.time.OffsetDateTime at);

  /** The stances on an episode's theses, by thesis, oldest first. */
  @SqlQuery(
      """
      SELECT thesis_number, display_name, option_label FROM stance
      WHERE episode_number = :episode ORDER BY thesis_number, recorded_at, display_name
      """)
  List<StanceRow> ofEpisode(@Bind("episode") int episode);
}
