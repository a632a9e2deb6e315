package io.pollcast.storage;

import java.io.IOException;
import java.util.List;

/**
 * Where {@link VoteDesk} records the votes it accepts before it acknowledges them and before H2 has
 * them: a file beside the database ({@link FileVoteJournal}), or nothing for a database that lives
 * in memory and dies with the process anyway. Used by one thread at a time.
 */
interface VoteJournal extends AutoCloseable {

  /** A vote as journaled: its place in the order of accepted votes, and the request. */
  record Entry(long seq, VoteRequest request) {}

  /**
   * Records the entries, in one write; they survive the process once this returns. Entries up to
   * {@code appliedSeq} are in H2 already, so their space may be reused.
   */
  void append(List<Entry> entries, long appliedSeq) throws IOException;

  /** Forgets every entry: all of them are in H2, and H2 is about to change under them. */
  void reset() throws IOException;

  @Override
  void close();

  /** The journal of a database in memory: records nothing, as the database keeps nothing. */
  static VoteJournal none() {
    return new VoteJournal() {
      @Override
      public void append(List<Entry> entries, long appliedSeq) {}

      @Override
      public void reset() {}

      @Override
      public void close() {}
    };
  }
}
