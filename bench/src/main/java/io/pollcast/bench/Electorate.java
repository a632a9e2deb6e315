package io.pollcast.bench;

import io.pollcast.storage.Database;
import io.pollcast.storage.EpisodeRow;
import io.pollcast.storage.NewPoll;
import io.pollcast.storage.ThesisRow;
import io.pollcast.storage.VoteRequest;
import io.pollcast.storage.VoterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The voters on the three polls of episode 68, made from numbers so that nothing about them is kept
 * but one bit each: voter {@code n} votes on poll {@code n % 3} under a pseudonym hashed from
 * {@code n}, as random as the bot's keyed pseudonyms. Hands out votes that mix new voters and
 * changes of earlier voters' votes; a change always flips the voter's option, so that it is
 * written. Not thread-safe, except {@link #first}.
 */
final class Electorate {
  /** The episode the bench votes on. */
  static final int EPISODE = 68;

  /** The options of every poll. */
  static final List<String> OPTIONS = List.of("Eens", "Oneens");

  private static final int THESES = 3;

  private final List<Long> polls;
  private final SplittableRandom random;
  private final BitSet flipped = new BitSet();
  private int voters;

  private Electorate(List<Long> polls, long seed) {
    this.polls = List.copyOf(polls);
    this.random = new SplittableRandom(seed);
  }

  /** Stores episode 68 with three theses, opens each as a poll, and returns their voters. */
  static Electorate open(Database db, long seed) {
    Instant now = Instant.now();
    List<ThesisRow> theses = new ArrayList<>();
    for (int thesis = 1; thesis <= THESES; thesis++) {
      theses.add(new ThesisRow(EPISODE, thesis, "Thesis " + thesis, ""));
    }
    db.episodes().save(new EpisodeRow(EPISODE, "Bench", List.of(), Optional.empty(), now), theses);
    List<Long> polls = new ArrayList<>();
    for (int thesis = 1; thesis <= THESES; thesis++) {
      polls.add(
          db.polls()
              .open(
                  new NewPoll(
                      EPISODE, thesis, "console", "console", OPTIONS, now, Optional.empty())));
    }
    return new Electorate(polls, seed);
  }

  /** The polls' ids. */
  List<Long> polls() {
    return polls;
  }

  /** The first vote of voter {@code n}. Thread-safe. */
  VoteRequest first(int n) {
    return VoteRequest.cast(polls.get(n % polls.size()), voter(n), firstOption(n));
  }

  /**
   * Makes room for {@code count} new voters, who cast their {@link #first} votes elsewhere; returns
   * the number of the first of them.
   */
  int enrol(int count) {
    int first = voters;
    voters += count;
    return first;
  }

  /**
   * The next vote: with probability {@code changeShare} an earlier voter changes their vote,
   * otherwise a new voter votes.
   */
  VoteRequest next(double changeShare) {
    if (voters > 0 && random.nextDouble() < changeShare) {
      int n = random.nextInt(voters);
      flipped.flip(n);
      int option = firstOption(n) ^ (flipped.get(n) ? 1 : 0);
      return VoteRequest.cast(polls.get(n % polls.size()), voter(n), option);
    }
    return first(voters++);
  }

  private static VoterId voter(int n) {
    return new VoterId(mix(2L * n), mix(2L * n + 1));
  }

  private static int firstOption(int n) {
    return (int) (mix(2L * n + 1) >>> 63);
  }

  /** A 64-bit hash (SplittableRandom's finaliser). */
  private static long mix(long value) {
    long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
