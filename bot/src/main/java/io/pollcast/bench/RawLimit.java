package io.pollcast.bench;

import io.pollcast.config.StorageConfig;
import io.pollcast.storage.Database;
import io.pollcast.storage.EpisodeRow;
import io.pollcast.storage.NewPoll;
import io.pollcast.storage.ThesisRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Handle;

/**
 * H2's own limit for the vote path's writes: from one thread, plain JDBC batches that MERGE new
 * vote rows and add to the counters in the same transaction, on the same schema and with the same
 * settings as Pollcast ({@link Database#open}), and the same batch size as H2's commits behind the
 * vote desk. Nothing else: no queue, no pseudonyms, no reading of earlier votes.
 */
final class RawLimit {
  private static final int EPISODE = 1;
  private static final int POLLS = 3;

  private RawLimit() {}

  /** Writes {@code votes} new votes in batches of {@code batch}; returns votes per second. */
  static double run(StorageConfig storage, int votes, int batch) throws SQLException {
    try (Database db = Database.open(storage);
        Handle handle = db.jdbi().open()) {
      List<Long> polls = openPolls(db);
      Connection connection = handle.getConnection();
      connection.setAutoCommit(false);
      SplittableRandom random = new SplittableRandom(68);
      try (PreparedStatement merge =
              connection.prepareStatement(
                  "MERGE INTO vote (poll_id, voter, option_idx) KEY (poll_id, voter) VALUES (?, ?, ?)");
          PreparedStatement count =
              connection.prepareStatement(
                  "UPDATE poll_option SET votes = votes + ? WHERE poll_id = ? AND idx = ?")) {
        long start = System.nanoTime();
        for (int done = 0; done < votes; ) {
          int size = Math.min(batch, votes - done);
          int[][] added = new int[POLLS][2];
          for (int i = 0; i < size; i++) {
            int poll = (done + i) % POLLS;
            int option = random.nextInt(2);
            byte[] voter = new byte[16];
            random.nextBytes(voter);
            merge.setLong(1, polls.get(poll));
            merge.setBytes(2, voter);
            merge.setInt(3, option);
            merge.addBatch();
            added[poll][option]++;
          }
          merge.executeBatch();
          for (int poll = 0; poll < POLLS; poll++) {
            for (int option = 0; option < 2; option++) {
              if (added[poll][option] > 0) {
                count.setInt(1, added[poll][option]);
                count.setLong(2, polls.get(poll));
                count.setInt(3, option);
                count.addBatch();
              }
            }
          }
          count.executeBatch();
          connection.commit();
          done += size;
        }
        return votes / ((System.nanoTime() - start) / 1e9);
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static List<Long> openPolls(Database db) {
    Instant now = Instant.now();
    List<ThesisRow> theses = new ArrayList<>();
    for (int thesis = 1; thesis <= POLLS; thesis++) {
      theses.add(new ThesisRow(EPISODE, thesis, "Thesis " + thesis, ""));
    }
    db.episodes()
        .save(new EpisodeRow(EPISODE, "Raw limit", List.of(), Optional.empty(), now), theses);
    List<Long> polls = new ArrayList<>();
    for (int thesis = 1; thesis <= POLLS; thesis++) {
      polls.add(
          db.polls()
              .open(
                  new NewPoll(
                      EPISODE,
                      thesis,
                      "console",
                      "console",
                      List.of("Eens", "Oneens"),
                      now,
                      Optional.empty())));
    }
    return polls;
  }
}
