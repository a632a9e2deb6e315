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
 * @param debate whether the new polls are a debate, taking votes in their before round
 * @param afterAt when the new debate polls' after round opens by itself, if scheduled
 */
public record StartReport(
    int episode,
    List<PollInfo> posted,
    List<Integer> alreadyOpen,
    List<Integer> alreadyClosed,
    Optional<Instant> closesAt,
    boolean debate,
    Optional<Instant> afterAt) {
  public StartReport {
    posted = List.copyOf(posted);
    alreadyOpen = List.copyOf(alreadyOpen);
    alreadyClosed = List.copyOf(alreadyClosed);
  }

  /** What starting polls that are not a debate did. */
  public StartReport(
      int episode,
      List<PollInfo> posted,
      List<Integer> alreadyOpen,
      List<Integer> alreadyClosed,
      Optional<Instant> closesAt) {
    this(episode, posted, alreadyOpen, alreadyClosed, closesAt, false, Optional.empty());
  }
}
