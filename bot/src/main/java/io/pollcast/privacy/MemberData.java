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
 */
public record MemberData(Platform platform, List<HeldVote> votes, int auditEntries) {
  public MemberData {
    votes = List.copyOf(votes);
  }

  /** Whether nothing at all is held. */
  public boolean isEmpty() {
    return votes.isEmpty() && auditEntries == 0;
  }
}
