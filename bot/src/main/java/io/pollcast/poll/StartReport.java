package io.pollcast.poll;

import io.pollcast.domain.PollInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What starting an episode's polls in a place did.
 *
 * @param episode the episode number
 * @param posted the polls posted now
 * @param alreadyOpen theses whose poll was already open there
 * @param alreadyClosed theses whose poll there was already closed
 * @param closesAt when the new polls close by themselves, if scheduled
 */
public record StartReport(
    int episode,
    List<PollInfo> posted,
    List<Integer> alreadyOpen,
    List<Integer> alreadyClosed,
    Optional<Instant> closesAt) {
  public StartReport {
    posted = List.copyOf(posted);
    alreadyOpen = List.copyOf(alreadyOpen);
    alreadyClosed = List.copyOf(alreadyClosed);
  }
}
