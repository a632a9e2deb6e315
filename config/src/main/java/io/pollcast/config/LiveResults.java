package io.pollcast.config;

/**
 * What an open poll's message shows of the votes so far ({@code pollcast.polls.live-results}).
 * Closed polls always show their final counts.
 */
public enum LiveResults {
  /** Nothing, so that early votes don't steer later ones ({@code false}). */
  OFF,
  /** The counts per option ({@code true}). */
  COUNTS,
  /** How many have voted, not how ({@code turnout}). */
  TURNOUT
}
