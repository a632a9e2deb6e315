package io.pollcast.poll;

import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.storage.OptionCount;
import io.pollcast.storage.PollStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the unchanging facts of polls in memory so that the vote path does not read them from the
 * database on every click. Thread-safe.
 */
public final class PollCatalog {
  private final PollStore polls;
  private final Map<Long, PollInfo> known = new ConcurrentHashMap<>();

  public PollCatalog(PollStore polls) {
    this.polls = polls;
  }

  Optional<PollInfo> get(long pollId) {
    PollInfo info = known.get(pollId);
    if (info != null) {
      return Optional.of(info);
    }
    Optional<PollInfo> loaded = load(pollId);
    loaded.ifPresent(i -> known.put(pollId, i));
    return loaded;
  }

  private Optional<PollInfo> load(long pollId) {
    return polls
        .find(pollId)
        .map(
            row ->
                new PollInfo(
                    row.id(),
                    row.episodeNumber(),
                    row.thesisNumber(),
                    new Place(Platform.ofId(row.platform()), row.channel()),
                    polls.options(pollId).stream().map(OptionCount::label).toList()));
  }
}
