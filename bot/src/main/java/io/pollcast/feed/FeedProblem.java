package io.pollcast.feed;

/**
 * The feed could not be read this time: it is unreachable, answered with an error status, is no
 * feed, or is too large. The bot goes on and tries again at the next check.
 */
public final class FeedProblem extends Exception {
  private static final long serialVersionUID = 1L;

  /** What kind of problem, for logging once per change. */
  public enum Kind {
    UNREACHABLE,
    STATUS,
    NOT_A_FEED,
    TOO_LARGE
  }

  private final Kind kind;
  private final int status;

  FeedProblem(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  FeedProblem(Kind kind, String message) {
    this(kind, 0, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** Names the state of the feed, so that the same problem is logged once: "status 404". */
  public String state() {
    return kind == Kind.STATUS
        ? "status " + status
        : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
