package io.pollcast.storage;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Episodes and their theses. Thread-safe: every call takes its own handle from the pool. */
@RegisterRowMapper(EpisodeMappers.EpisodeMapper.class)
@RegisterRowMapper(EpisodeMappers.ThesisMapper.class)
@RegisterRowMapper(EpisodeMappers.SummaryMapper.class)
public interface EpisodeStore extends SqlObject {

  /** One episode. */
  @SqlQuery("SELECT * FROM episode WHERE number = :number")
  Optional<EpisodeRow> find(@Bind("number") int number);

  /** The theses of an episode, by number. */
  @SqlQuery("SELECT * FROM thesis WHERE episode_number = :episode ORDER BY number")
  List<ThesisRow> theses(@Bind("episode") int episode);

  /** Every episode with its counts, newest first. */
  @SqlQuery(
      """
      SELECT e.number, e.title,
             (SELECT COUNT(*) FROM thesis t WHERE t.episode_number = e.number) AS theses,
             (SELECT COUNT(*) FROM poll p
               WHERE p.episode_number = e.number AND p.state = 'OPEN') AS open_polls,
             (SELECT COUNT(*) FROM poll p
               WHERE p.episode_number = e.number AND p.state = 'CLOSED') AS closed_polls
      FROM episode e ORDER BY e.number DESC
      """)
  List<EpisodeSummary> summaries();

  /** Whether any episode is stored. */
  @SqlQuery("SELECT COUNT(*) > 0 FROM episode")
  boolean any();

  /**
   * Stores an episode, or updates an earlier import of it, in one transaction. Theses that the new
   * import no longer has are removed, unless a poll refers to them: those are kept, so that
   * re-importing never destroys votes.
   */
  @Transaction
  default SaveResult save(EpisodeRow episode, List<ThesisRow> theses) {
    var handle = getHandle();
    boolean created = find(episode.number()).isEmpty();
    handle
        .createUpdate(
            created
                ? """
                  INSERT INTO episode (number, title, options, closing, imported_at, debate)
                  VALUES (:number, :title, :options, :closing, :importedAt, :debate)
                  """
                : """
                  UPDATE episode SET title = :title, options = :options, closing = :closing,
                                     imported_at = :importedAt, debate = :debate
                  WHERE number = :number
                  """)
        .bind("number", episode.number())
        .bind("title", episode.title())
        .bind("options", Rows.joinLines(episode.options()))
        .bind("closing", episode.closing().orElse(null))
        .bind("importedAt", Rows.utc(episode.importedAt()))
        .bind("debate", episode.debate())
        .execute();
    for (ThesisRow thesis : theses) {
      int updated =
          handle
              .createUpdate(
                  """
                  UPDATE thesis SET text = :text, context = :context
                  WHERE episode_number = :episode AND number = :number
                  """)
              .bindMethods(thesis)
              .bind("episode", episode.number())
              .execute();
      if (updated == 0) {
        handle
            .createUpdate(
                """
                INSERT INTO thesis (episode_number, number, text, context)
                VALUES (:episode, :number, :text, :context)
                """)
            .bindMethods(thesis)
            .bind("episode", episode.number())
            .execute();
      }
    }
    List<Integer> wanted = theses.stream().map(ThesisRow::number).toList();
    List<Integer> stale =
        theses(episode.number()).stream()
            .map(ThesisRow::number)
            .filter(n -> !wanted.contains(n))
            .toList();
    List<Integer> kept = new java.util.ArrayList<>();
    for (int number : stale) {
      boolean polled =
          handle
              .createQuery(
                  "SELECT COUNT(*) > 0 FROM poll WHERE episode_number = :e AND thesis_number = :n")
              .bind("e", episode.number())
              .bind("n", number)
              .mapTo(Boolean.class)
              .one();
      if (polled) {
        kept.add(number);
      } else {
        handle
            .createUpdate("DELETE FROM thesis WHERE episode_number = :e AND number = :n")
            .bind("e", episode.number())
            .bind("n", number)
            .execute();
      }
    }
    return new SaveResult(created, kept);
  }
}
