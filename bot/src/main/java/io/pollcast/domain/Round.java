package io.pollcast.domain;

/** A round of a thesis debate: members vote before listening, and again after. */
public enum Round {
  /** Before listening to the episode ("voor"). */
  BEFORE,
  /** After listening to the episode ("na"). */
  AFTER
}
