package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.LocalOperator;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.VoteOutcome.Status;
import io.pollcast.storage.OptionCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Votes that race each other through the poll service still count once per listener. */
final class ConcurrentVotingTest {
  private final Pollcast pollcast = TestSettings.consoleInMemory();
  private final ExecutorService clicks = Executors.newFixedThreadPool(8);
  private final long poll;

  ConcurrentVotingTest() {
    PollService service = pollcast.service();
    service.importEpisode(LocalOperator.ACTOR, BundledEpisodes.example());
    service.start(LocalOperator.ACTOR, Place.CONSOLE, 68, Optional.empty());
    poll = service.pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
  }

  @AfterEach
  void close() {
    clicks.shutdown();
    pollcast.close();
  }

  @Test
  void aListenerClickingTheSameButtonManyTimesAtOnceCountsOnce() {
    Actor anna = new Actor(Platform.CONSOLE, "anna", "anna", Set.of());

    List<CompletableFuture<VoteReply>> replies = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      replies.add(
          CompletableFuture.supplyAsync(
                  () -> pollcast.votes().vote(anna, Place.CONSOLE, poll, 0), clicks)
              .thenCompose(reply -> reply));
    }

    assertThat(replies.stream().map(r -> r.join().result().status()))
        .containsOnly(Status.COUNTED, Status.UNCHANGED)
        .containsOnlyOnce(Status.COUNTED);
    assertThat(counts()).containsExactly(1, 0);
  }

  @Test
  void manyListenersChangingTheirMindsAtOnceLeaveEachWithTheirLastVote() {
    List<CompletableFuture<Void>> listeners = new ArrayList<>();
    for (int n = 0; n < 100; n++) {
      Actor listener = new Actor(Platform.CONSOLE, "listener-" + n, "listener", Set.of());
      int last = n % 2;
      // each listener votes, changes their mind and back in order; listeners race each other
      listeners.add(
          CompletableFuture.runAsync(
              () -> {
                pollcast.votes().vote(listener, Place.CONSOLE, poll, 1 - last).join();
                pollcast.votes().vote(listener, Place.CONSOLE, poll, last).join();
                pollcast.votes().withdraw(listener, Place.CONSOLE, poll).join();
                pollcast.votes().vote(listener, Place.CONSOLE, poll, last).join();
              },
              clicks));
    }
    listeners.forEach(CompletableFuture::join);

    assertThat(counts()).containsExactly(50, 50);
    assertThat(pollcast.database().polls().counterDifferences()).isEmpty();
  }

  private List<Integer> counts() {
    return pollcast.database().polls().options(poll).stream().map(OptionCount::votes).toList();
  }
}
