package io.pollcast.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Role;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Button votes: by poll id and option index, only on a poll shown where the button was. */
final class CommandHandlerVoteTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));
  private static final Actor ANNA = new Actor(Platform.CONSOLE, "a", "anna", Set.of());

  private final Pollcast pollcast = TestSettings.consoleInMemory();

  @AfterEach
  void close() {
    pollcast.close();
  }

  @Test
  void aButtonVoteCountsWhereThePollIs() {
    PollInfo poll = startEpisode68();

    String reply = pollcast.handler().vote(ANNA, Place.CONSOLE, poll.pollId(), 1).join();

    assertThat(reply).isEqualTo(messages("vote.counted", "Oneens", "68.1"));
    assertThat(votes()).isEqualTo(1);
  }

  @Test
  void aButtonOfAPollShownElsewhereChangesNothing() {
    PollInfo poll = startEpisode68();
    Place elsewhere = new Place(Platform.CONSOLE, "another-channel");

    String reply = pollcast.handler().vote(ANNA, elsewhere, poll.pollId(), 0).join();

    assertThat(reply).isEqualTo(messages("vote.unknown-poll"));
    assertThat(votes()).isZero();
  }

  private PollInfo startEpisode68() {
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    return pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow();
  }

  private int votes() {
    return pollcast.service().results(68).theses().get(0).voters();
  }

  private String messages(String key, Object... arguments) {
    return pollcast.texts().messages().get(key, arguments);
  }
}
