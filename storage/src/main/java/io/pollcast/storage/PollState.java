package io.pollcast.storage;

/** Whether a poll takes votes. */
public enum PollState {
  OPEN,
  CLOSED
}
