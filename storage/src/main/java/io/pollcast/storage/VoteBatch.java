package io.pollcast.storage;

import io.pollcast.storage.BallotReplay.PollInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Applies a batch of vote requests inside one open transaction: locks the polls concerned, reads
 * the voters' current votes, replays the requests in arrival order in memory ({@link
 * BallotReplay}), then writes only the net changes to the votes and to the counters. Not
 * thread-safe; one batch at a time.
 */
final class VoteBatch {
  private final BallotDao dao;
  private final List<VoteRequest> requests;

  private VoteBatch(BallotDao dao, List<VoteRequest> requests) {
    this.dao = dao;
    this.requests = requests;
  }

  /** Applies the requests; the caller commits. Results are in the order of the requests. */
  static List<VoteResult> apply(Handle handle, List<VoteRequest> requests) {
    return new VoteBatch(handle.attach(BallotDao.class), requests).apply();
  }

  private List<VoteResult> apply() {
    Map<Long, PollInfo> polls = new HashMap<>();
    for (PollInfo poll :
        dao.lockPolls(requests.stream().map(VoteRequest::pollId).distinct().toList())) {
      polls.put(poll.id(), poll);
    }
    Map<BallotKey, Integer> initial = new HashMap<>();
    List<BallotKey> keys = keysOnOpenPolls(polls);
    for (Ballot ballot : currentBallots(keys)) {
      initial.put(ballot.key(), ballot.option());
    }
    BallotReplay replay = new BallotReplay(polls, new HashMap<>(initial));
    List<VoteResult> results = new ArrayList<>(requests.size());
    for (VoteRequest request : requests) {
      results.add(replay.replay(request));
    }
    writeVotes(initial, replay.current());
    writeCounters(replay.deltas());
    return results;
  }

  private List<BallotKey> keysOnOpenPolls(Map<Long, PollInfo> polls) {
    return requests.stream()
        .filter(r -> polls.containsKey(r.pollId()) && polls.get(r.pollId()).isOpen())
        .map(r -> new BallotKey(r.pollId(), r.voter()))
        .distinct()
        .toList();
  }

  /** The current votes of these voters, in one lookup. */
  private List<Ballot> currentBallots(List<BallotKey> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    long[] polls = new long[keys.size()];
    byte[][] voters = new byte[keys.size()][];
    for (int i = 0; i < keys.size(); i++) {
      polls[i] = keys.get(i).pollId();
      voters[i] = keys.get(i).voterBytes();
    }
    return dao.ballots(polls, new BinaryArray(voters));
  }

  /**
   * Writes the net changes. The batch has read every voter's current vote already, so each change
   * is a plain insert, update or delete.
   */
  private void writeVotes(Map<BallotKey, Integer> initial, Map<BallotKey, Integer> current) {
    List<Ballot> inserts = new ArrayList<>();
    List<Ballot> updates = new ArrayList<>();
    List<Ballot> deletes = new ArrayList<>();
    current.forEach(
        (key, option) -> {
          Integer before = initial.get(key);
          if (before == null) {
            inserts.add(new Ballot(key.pollId(), key.voter(), option));
          } else if (!Objects.equals(before, option)) {
            updates.add(new Ballot(key.pollId(), key.voter(), option));
          }
        });
    initial.forEach(
        (key, option) -> {
          if (!current.containsKey(key)) {
            deletes.add(new Ballot(key.pollId(), key.voter(), option));
          }
        });
    if (!inserts.isEmpty()) {
      dao.insert(inserts);
    }
    if (!updates.isEmpty()) {
      dao.update(updates);
    }
    if (!deletes.isEmpty()) {
      dao.delete(deletes);
      dao.deleteReasons(deletes);
    }
  }

  private void writeCounters(Map<BallotReplay.Counter, Integer> deltas) {
    List<CounterChange> changes = new ArrayList<>();
    deltas.forEach(
        (counter, delta) -> {
          if (delta != 0) {
            changes.add(new CounterChange(counter.pollId(), counter.option(), delta));
          }
        });
    if (!changes.isEmpty()) {
      dao.count(changes);
    }
  }
}
