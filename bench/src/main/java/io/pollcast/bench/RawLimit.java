package io.pollcast.bench;

import io.pollcast.config.StorageConfig;
import io.pollcast.storage.Database;
import io.pollcast.storage.VoteRequest;
import io.pollcast.storage.VoteWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's own limit for the vote path's writes, with plain JDBC from one thread: batches of
 * {@value #BATCH} new votes (the vote path's largest commit), each one transaction that inserts the
 * vote rows and adds to the counters. The database is opened through {@link Database#open} first,
 * so that it has the real migrations and H2 the same settings. Nothing else: no queue, no locking
 * of polls, no reading of earlier votes.
 */
final class RawLimit {
  static final int BATCH = VoteWriter.DEFAULT_MAX_BATCH;

  private RawLimit() {}

  /**
   * The limit on one engine.
   *
   * @param engine the engine's name and version, as its JDBC driver reports them
   * @param perSecond votes per second
   */
  record Result(String engine, double perSecond) {}

  /** Writes {@code votes} new votes. */
  static Result run(StorageConfig config, int votes) throws SQLException {
    try (Database db = Database.open(config);
        Connection connection =
            DriverManager.getConnection(config.url(), config.user(), config.password())) {
      Electorate electorate = Electorate.open(db, 1);
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO vote (poll_id, voter, option_idx) VALUES (?, ?, ?)");
          PreparedStatement count =
              connection.prepareStatement(
                  "UPDATE poll_option SET votes = votes + ? WHERE poll_id = ? AND idx = ?")) {
        long start = System.nanoTime();
        for (int done = 0; done < votes; done += BATCH) {
          Map<Long, int[]> added = new TreeMap<>();
          for (int n = done; n < Math.min(done + BATCH, votes); n++) {
            VoteRequest vote = electorate.first(n);
            int option = vote.option().orElseThrow();
            insert.setLong(1, vote.pollId());
            insert.setBytes(2, vote.voter().bytes());
            insert.setInt(3, option);
            insert.addBatch();
            added
                .computeIfAbsent(vote.pollId(), id -> new int[Electorate.OPTIONS.size()])[option]++;
          }
          insert.executeBatch();
          for (Map.Entry<Long, int[]> poll : added.entrySet()) {
            for (int option = 0; option < poll.getValue().length; option++) {
              count.setInt(1, poll.getValue()[option]);
              count.setLong(2, poll.getKey());
              count.setInt(3, option);
              count.addBatch();
            }
          }
          count.executeBatch();
          connection.commit();
        }
        double perSecond = votes / ((System.nanoTime() - start) / 1e9);
        var meta = connection.getMetaData();
        return new Result(
            meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), perSecond);
      }
    }
  }
}
