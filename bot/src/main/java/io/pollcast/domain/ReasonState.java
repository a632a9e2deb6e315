package io.pollcast.domain;

/** How a member's reason is shown, as moderators and hosts decide. */
public enum ReasonState {
  /** Listed for moderators and hosts (the state of every new reason). */
  SHOWN,
  /** Also quoted, without any name, in the results; at most three per thesis. */
  FEATURED,
  /** Left out of every list and of the results; moderators can show it again. */
  HIDDEN
}
