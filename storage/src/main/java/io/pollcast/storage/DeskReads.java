package io.pollcast.storage;

import io.pollcast.storage.BallotReplay.BallotKey;
import io.pollcast.storage.BallotReplay.PollInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The lookups the {@link VoteDesk} makes, on a connection kept open with both statements prepared
 * once: a voter's stored vote (only for voters {@link StoredBallots} cannot rule out) and a poll's
 * state (once per poll until a change empties the desk's copy). Taking a handle from the pool and
 * running the reads through JDBI cost about 150 µs per batch in {@code pollcast bench}; at half the
 * peak rate the desk takes thousands of small batches a second. If a lookup fails (its connection
 * broke, say), the connection is opened again and the lookup tried once more.
 *
 * <p>Threading: the desk's thread only.
 */
final class DeskReads implements AutoCloseable {
  private static final String VOTE = "SELECT option_idx FROM vote WHERE poll_id = ? AND voter = ?";
  private static final String POLL = "SELECT state, option_count FROM poll WHERE id = ?";

  private final Jdbi jdbi;
  private Handle handle;
  private PreparedStatement vote;
  private PreparedStatement poll;

  /**
   * @param jdbi a {@code Jdbi} whose handles do not wait for acknowledged votes
   */
  DeskReads(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The option the voter's stored vote is for, if H2 has one. */
  OptionalInt vote(BallotKey key) {
    return read(
        () -> {
          vote.setLong(1, key.pollId());
          vote.setBytes(2, key.voter().bytes());
          try (ResultSet rs = vote.executeQuery()) {
            return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
          }
        });
  }

  /** The poll as H2 has it, if it exists. */
  Optional<PollInfo> poll(long id) {
    return read(
        () -> {
          poll.setLong(1, id);
          try (ResultSet rs = poll.executeQuery()) {
            if (!rs.next()) {
              return Optional.empty();
            }
            boolean open = PollState.valueOf(rs.getString(1)) == PollState.OPEN;
            return Optional.of(new PollInfo(id, open, rs.getInt(2)));
          }
        });
  }

  private interface Lookup<T> {
    T run() throws SQLException;
  }

  private <T> T read(Lookup<T> lookup) {
    try {
      open();
      return lookup.run();
    } catch (SQLException | JdbiException e) {
      close();
      try {
        open();
        return lookup.run();
      } catch (SQLException | JdbiException again) {
        again.addSuppressed(e);
        close();
        throw new IllegalStateException("Could not read votes for the vote desk", again);
      }
    }
  }

  private void open() throws SQLException {
    if (handle != null) {
      return;
    }
    handle = jdbi.open();
    Connection connection = handle.getConnection();
    try {
      vote = connection.prepareStatement(VOTE);
      poll = connection.prepareStatement(POLL);
    } catch (SQLException e) {
      close();
      throw e;
    }
  }

  @Override
  public void close() {
    if (handle == null) {
      return;
    }
    try {
      handle.close();
    } catch (JdbiException e) {
      // the connection is broken already; a new one is taken on the next lookup
    } finally {
      handle = null;
    }
  }
}
