package io.pollcast.storage;

/** Where a results announcement is on its way to the platform. */
public enum AnnouncementState {
  /** Waiting to be posted (again, after a failure or an interrupted attempt). */
  PENDING,
  /** A deliverer is asking the platform to post it; the platform may or may not have it yet. */
  ATTEMPTING,
  /** The platform accepted it. */
  DONE,
  /** Its polls were reopened before it was posted. */
  CANCELLED
}
