package io.pollcast.privacy;

import java.util.Locale;

/** What a host or moderator did, as written in the audit log. */
public enum AuditAction {
  /** Imported or updated an episode. */
  IMPORT,
  /** Posted an episode's theses as polls. */
  START,
  /** Closed an episode's polls and announced the results. */
  CLOSE,
  /** Viewed the tally of an episode. */
  TALLY,
  /** Reopened closed polls. */
  REOPEN,
  /** Opened the after round of a debate. */
  AFTER,
  /** Recorded where they stand on a thesis. */
  STANCE,
  /** Was handed a link to the dashboard or an overlay (the role and expiry; never the token). */
  LINK,
  /** Featured a member's reason in the results. */
  FEATURE,
  /** Hid a member's reason. */
  HIDE,
  /** Made a featured or hidden reason an ordinary one again. */
  SHOW;

  /** The lower-case name stored in the log. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
