package io.pollcast.storage;

import io.pollcast.storage.BallotReplay.BallotKey;
import io.pollcast.storage.BallotReplay.PollInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Applies a batch of vote requests inside one open transaction: locks the polls concerned, reads
 * the voters' current votes once, replays the requests in arrival order in memory ({@link
 * BallotReplay}), then writes only the net changes to the votes and to the counters. Not
 * thread-safe; one batch at a time.
 */
final class VoteBatch {
  private final Handle handle;
  private final List<VoteRequest> requests;

  private VoteBatch(Handle handle, List<VoteRequest> requests) {
    this.handle = handle;
    this.requests = requests;
  }

  /** Applies the requests; the caller commits. Results are in the order of the requests. */
  static List<VoteResult> apply(Handle handle, List<VoteRequest> requests) {
    return new VoteBatch(handle, requests).apply();
  }

  private List<VoteResult> apply() {
    Map<Long, PollInfo> polls =
        BallotReads.polls(handle, requests.stream().map(VoteRequest::pollId).distinct().toList());
    Map<BallotKey, Integer> initial = BallotReads.votes(handle, keysOnOpenPolls(polls));
    BallotReplay replay = new BallotReplay(polls, new LinkedHashMap<>(initial));
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
        .filter(r -> polls.containsKey(r.pollId()) && polls.get(r.pollId()).open())
        .map(r -> new BallotKey(r.pollId(), r.voter()))
        .distinct()
        .toList();
  }

  /**
   * Writes the net changes. The batch has read every voter's current vote already, so each change
   * is a plain insert, update or delete: a {@code MERGE} would look every key up once more.
   */
  private void writeVotes(Map<BallotKey, Integer> initial, Map<BallotKey, Integer> current) {
    var inserts =
        handle.prepareBatch("INSERT INTO vote (poll_id, voter, option_idx) VALUES (:p, :v, :o)");
    var updates =
        handle.prepareBatch("UPDATE vote SET option_idx = :o WHERE poll_id = :p AND voter = :v");
    var deletes = handle.prepareBatch("DELETE FROM vote WHERE poll_id = :p AND voter = :v");
    for (BallotKey key : changedKeys(initial, current)) {
      Integer now = current.get(key);
      var batch = now == null ? deletes : initial.containsKey(key) ? updates : inserts;
      batch.bind("p", key.pollId()).bind("v", key.voter().bytes());
      if (now != null) {
        batch.bind("o", now);
      }
      batch.add();
    }
    for (var batch : List.of(inserts, updates, deletes)) {
      if (batch.size() > 0) {
        batch.execute();
      }
    }
  }

  private static List<BallotKey> changedKeys(
      Map<BallotKey, Integer> initial, Map<BallotKey, Integer> current) {
    List<BallotKey> changed = new ArrayList<>();
    for (var entry : current.entrySet()) {
      if (!Objects.equals(initial.get(entry.getKey()), entry.getValue())) {
        changed.add(entry.getKey());
      }
    }
    for (BallotKey key : initial.keySet()) {
      if (!current.containsKey(key)) {
        changed.add(key);
      }
    }
    return changed;
  }

  private void writeCounters(Map<BallotReplay.Counter, Integer> deltas) {
    var updates =
        handle.prepareBatch(
            "UPDATE poll_option SET votes = votes + :d WHERE poll_id = :p AND idx = :o");
    deltas.forEach(
        (counter, delta) -> {
          if (delta != 0) {
            updates.bind("d", delta).bind("p", counter.pollId()).bind("o", counter.option()).add();
          }
        });
    if (updates.size() > 0) {
      updates.execute();
    }
  }
}
