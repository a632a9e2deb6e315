package io.pollcast.command;

import io.pollcast.domain.Platform;
import io.pollcast.domain.VoteNotStoredException;
import io.pollcast.domain.VoteOutcome.Status;
import io.pollcast.poll.VoteReply;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Times a vote from its request to its answer and tells the {@link VoteListener}. */
final class VoteTiming {
  private final VoteListener listener;

  VoteTiming(VoteListener listener) {
    this.listener = listener;
  }

  /** Runs {@code change} and reports its answer when it comes. */
  CompletableFuture<VoteReply> time(
      Platform platform, Supplier<CompletableFuture<VoteReply>> change) {
    long start = System.nanoTime();
    CompletableFuture<VoteReply> reply = change.get();
    reply.whenComplete(
        (answer, error) -> {
          long nanos = System.nanoTime() - start;
          if (error == null) {
            Status status = answer.result().status();
            listener.answered(
                platform, status.name().toLowerCase(Locale.ROOT), status.acknowledged(), nanos);
          } else {
            Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error;
            listener.answered(
                platform,
                cause instanceof VoteNotStoredException ? "not_recorded" : "error",
                false,
                nanos);
          }
        });
    return reply;
  }
}
