package io.pollcast.storage;

import io.pollcast.storage.BallotReplay.BallotKey;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Which voters may have a stored vote on a poll: a Bloom filter over (poll, voter), loaded from the
 * votes at start-up and told of every vote the desk accepts. A voter it has never seen has no vote,
 * so the {@link VoteDesk} answers a first vote, by far the most common kind, without a database
 * read; for the rest (and about 1% of first votes) it reads the stored vote.
 *
 * <p>Votes are removed from H2 but never from the filter, which is only ever too large, never too
 * small: a vote written by another process (which nothing in Pollcast does while a bot runs on the
 * file) would be missed, and the applier would then store it as the change it is, with a warning.
 * Each segment holds {@value #SEGMENT_KEYS} keys in {@value #BITS_PER_KEY} bits apiece (about 1.3
 * MB) with {@value #HASHES} hashes; a full segment is followed by a new one.
 *
 * <p>Threading: one thread at a time (the desk's, or its opener before it starts).
 */
final class StoredBallots {
  static final int SEGMENT_KEYS = 1 << 20;
  static final int BITS_PER_KEY = 10;
  static final int HASHES = 7;
  private static final long SEGMENT_BITS = (long) SEGMENT_KEYS * BITS_PER_KEY;

  private final List<long[]> segments = new ArrayList<>();
  private int inLastSegment;

  private StoredBallots() {
    segments.add(new long[(int) (SEGMENT_BITS / Long.SIZE)]);
  }

  /** An empty filter; for tests. */
  static StoredBallots empty() {
    return new StoredBallots();
  }

  /** A filter holding every vote stored now. */
  static StoredBallots load(Jdbi jdbi) {
    StoredBallots ballots = new StoredBallots();
    jdbi.useHandle(
        handle ->
            handle
                .createQuery("SELECT poll_id, voter FROM vote")
                .setFetchSize(10_000)
                .map((rs, ctx) -> new BallotKey(rs.getLong(1), VoterId.of(rs.getBytes(2))))
                .forEach(ballots::add));
    return ballots;
  }

  /** Notes that the voter may have a vote on the poll. */
  void add(BallotKey key) {
    if (inLastSegment == SEGMENT_KEYS) {
      segments.add(new long[(int) (SEGMENT_BITS / Long.SIZE)]);
      inLastSegment = 0;
    }
    long[] bits = segments.get(segments.size() - 1);
    long first = first(key);
    long step = step(key);
    for (int i = 0; i < HASHES; i++) {
      long bit = Math.floorMod(first + i * step, SEGMENT_BITS);
      bits[(int) (bit >>> 6)] |= 1L << bit;
    }
    inLastSegment++;
  }

  /** False only if the voter has never had a vote on the poll. */
  boolean mayHave(BallotKey key) {
    long first = first(key);
    long step = step(key);
    for (long[] bits : segments) {
      if (all(bits, first, step)) {
        return true;
      }
    }
    return false;
  }

  private static boolean all(long[] bits, long first, long step) {
    for (int i = 0; i < HASHES; i++) {
      long bit = Math.floorMod(first + i * step, SEGMENT_BITS);
      if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
        return false;
      }
    }
    return true;
  }

  // Voter ids are HMACs and so uniform, but mixing all their bits keeps the filter sound for any
  // id.
  private static long first(BallotKey key) {
    return mix(key.voter().high() ^ Long.rotateLeft(key.voter().low(), 32) ^ key.pollId());
  }

  private static long step(BallotKey key) {
    return mix(key.voter().low() + 0x9E3779B97F4A7C15L * (key.pollId() + 1) ^ key.voter().high())
        | 1;
  }

  /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
