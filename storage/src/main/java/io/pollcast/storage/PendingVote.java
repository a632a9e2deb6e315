package io.pollcast.storage;

import java.util.Collection;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/** A vote handed in to the {@link VoteWriter}, with the future its voter waits on. */
record PendingVote(VoteRequest request, CompletableFuture<VoteResult> result) {

  /**
   * Queues a new vote and returns it; it is refused at once if {@code closing} or the queue is
   * full.
   */
  static PendingVote queue(VoteRequest request, BlockingQueue<PendingVote> queue, boolean closing) {
    PendingVote pending = new PendingVote(request, new CompletableFuture<>());
    if (closing) {
      pending.refuse("the bot is shutting down", null);
    } else if (!queue.offer(pending)) {
      pending.refuse("too many votes at once", null);
    }
    return pending;
  }

  /** Tells every voter in the batch that the database failed. */
  static void failAll(Collection<PendingVote> batch, Throwable cause) {
    for (PendingVote pending : batch) {
      pending.refuse("the database failed", cause);
    }
  }

  /** Refuses the votes still queued: the bot is shutting down. */
  static void refuseQueued(BlockingQueue<PendingVote> queue) {
    PendingVote pending;
    while ((pending = queue.poll()) != null) {
      pending.refuse("the bot is shutting down", null);
    }
  }

  private void refuse(String why, Throwable cause) {
    result.completeExceptionally(
        new VoteNotRecordedException("Vote not recorded: " + why + ". Please try again.", cause));
  }
}
