package io.pollcast.domain;

/** What a person may do beyond voting. Each platform adapter maps its own notion of roles. */
public enum Role {
  /** Imports episodes, starts and closes polls; may also view tallies. */
  HOST,
  /** Views tallies at any time. */
  MODERATOR
}
