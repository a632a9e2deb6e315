package io.pollcast.poll;

import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.RefusedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Turns a closing time a host gave into the instant the polls close, reading wall-clock times in
 * the configured zone; refuses one that has passed.
 */
public final class ClosingTimeResolver {
  private final ZoneId zone;
  private final Clock clock;

  public ClosingTimeResolver(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  /**
   * The instant, counted from now; empty if no closing time is given.
   *
   * @throws RefusedException if that instant is not in the future
   */
  public Optional<Instant> closesAt(Optional<ClosingTime> closing) {
    Instant now = clock.instant();
    Optional<Instant> at = closing.map(c -> ClosingTimes.resolve(c, now, zone));
    if (at.isPresent() && !at.get().isAfter(now)) {
      throw new RefusedException("start.closing-in-past");
    }
    return at;
  }
}
