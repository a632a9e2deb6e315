package io.pollcast.privacy;

import io.pollcast.domain.Platform;
import java.util.List;

/**
 * Everything Pollcast holds about one member on one platform, for {@code /poll my-data}.
 *
 * @param platform the platform they asked on; each platform's accounts are separate people to
 *     Pollcast
 * @param votes their votes that are still stored per voter: on open polls, and on closed polls
 *     until the retention time has passed
 * @param auditEntries lines of the audit log that name them; only hosts and moderators have any
 * @param reasons their reasons for their votes, kept as long as the votes
 */
public record MemberData(
    Platform platform, List<HeldVote> votes, int auditEntries, List<HeldReason> reasons) {
  public MemberData {
    votes = List.copyOf(votes);
    reasons = List.copyOf(reasons);
  }

  /** What is held about a member who gave no reason. */
  public MemberData(Platform platform, List<HeldVote> votes, int auditEntries) {
    this(platform, votes, auditEntries, List.of());
  }

  /** Whether nothing at all is held. */
  public boolean isEmpty() {
    return votes.isEmpty() && auditEntries == 0 && reasons.isEmpty();
  }
}
