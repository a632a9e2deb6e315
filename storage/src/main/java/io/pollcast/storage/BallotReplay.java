package io.pollcast.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * Replays vote requests in arrival order over the polls they concern and their voters' current
 * votes, in memory: decides each request's {@link VoteResult}, tracks every voter's resulting vote
 * and the net change of each counter, so that {@link VoteBatch} writes only the net changes of a
 * batch. Not thread-safe.
 */
final class BallotReplay {
  private final Map<Long, PollInfo> polls;
  private final Map<BallotKey, Integer> current;
  private final Map<Counter, Integer> deltas = new LinkedHashMap<>();

  /**
   * @param polls the polls the requests concern; a poll not in it is unknown
   * @param current the voters' votes before the requests, by poll and voter; changed in place
   */
  BallotReplay(Map<Long, PollInfo> polls, Map<BallotKey, Integer> current) {
    this.polls = polls;
    this.current = current;
  }

  /**
   * What {@code request} does, given the requests replayed before it; on a debate poll, in the
   * round the poll was in when its row was locked.
   */
  VoteResult replay(VoteRequest request) {
    PollInfo poll = polls.get(request.pollId());
    if (poll == null) {
      return VoteResult.refused(VoteResult.Status.UNKNOWN_POLL);
    }
    return decide(request, poll).in(poll.round());
  }

  private VoteResult decide(VoteRequest request, PollInfo poll) {
    if (!poll.isOpen()) {
      return VoteResult.refused(VoteResult.Status.POLL_CLOSED);
    }
    BallotKey key = new BallotKey(request.pollId(), request.voter());
    Integer before = current.get(key);
    OptionalInt previous = before == null ? OptionalInt.empty() : OptionalInt.of(before);
    if (request.option().isEmpty()) {
      if (before == null) {
        return new VoteResult(VoteResult.Status.NO_VOTE, previous, OptionalInt.empty());
      }
      current.remove(key);
      count(request.pollId(), before, -1);
      return new VoteResult(VoteResult.Status.WITHDRAWN, previous, OptionalInt.empty());
    }
    int option = request.option().getAsInt();
    if (option < 0 || option >= poll.optionCount()) {
      return VoteResult.refused(VoteResult.Status.UNKNOWN_OPTION);
    }
    if (before != null && before == option) {
      return new VoteResult(VoteResult.Status.UNCHANGED, previous, previous);
    }
    current.put(key, option);
    count(request.pollId(), option, +1);
    if (before == null) {
      return new VoteResult(VoteResult.Status.COUNTED, previous, OptionalInt.of(option));
    }
    count(request.pollId(), before, -1);
    return new VoteResult(VoteResult.Status.CHANGED, previous, OptionalInt.of(option));
  }

  /** The voters' votes after the requests replayed so far. */
  Map<BallotKey, Integer> current() {
    return current;
  }

  /** The net change of each counter the replayed requests touched; zero changes included. */
  Map<Counter, Integer> deltas() {
    return deltas;
  }

  private void count(long pollId, int option, int delta) {
    deltas.merge(new Counter(pollId, option), delta, Integer::sum);
  }

  /** A poll as the replay needs it; {@code round} is empty for a poll that is not a debate. */
  record PollInfo(long id, boolean isOpen, int optionCount, Optional<DebateRound> round) {
    @JdbiConstructor
    PollInfo(long id, boolean isOpen, int optionCount, String debateRound) {
      this(id, isOpen, optionCount, Optional.ofNullable(debateRound).map(DebateRound::valueOf));
    }
  }

  /** One option's counter. */
  record Counter(long pollId, int option) {}
}
