package io.pollcast.command;

import io.pollcast.domain.Platform;

/**
 * Hears how each vote and withdrawal was answered and how long the answer took, for metrics. Knows
 * the platform and the outcome only, never who voted. Called on any thread, often at once.
 */
public interface VoteListener {
  /** Hears nothing. */
  VoteListener NONE = (platform, outcome, acknowledged, nanos) -> {};

  /**
   * One vote or withdrawal was answered.
   *
   * @param platform where it came from
   * @param outcome what happened, in lower case: a {@link io.pollcast.domain.VoteOutcome.Status}
   *     ({@code counted}, {@code poll_closed}, ...), {@code not_recorded} (the database failed) or
   *     {@code error}
   * @param acknowledged whether the answer is a durable one (stored, or nothing to store), rather
   *     than a refusal
   * @param nanos from the click or line to the answer
   */
  void answered(Platform platform, String outcome, boolean acknowledged, long nanos);
}
