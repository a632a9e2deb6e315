package io.pollcast.poll;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serialises the edits of one poll's message, so that a live count refresh that read the poll as
 * open cannot land after the edit that shows it closed (and bring its buttons back). Edits of
 * different polls do not wait for each other. Thread-safe.
 */
public final class PollMessageLocks {
  private final Map<Long, Object> locks = new ConcurrentHashMap<>();

  /** Runs {@code edit} while no other edit of the poll's message runs. */
  void edit(long pollId, Runnable edit) {
    synchronized (locks.computeIfAbsent(pollId, id -> new Object())) {
      edit.run();
    }
  }
}
