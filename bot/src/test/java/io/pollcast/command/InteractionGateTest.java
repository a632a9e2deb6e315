package io.pollcast.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.Language;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.text.Messages;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stopping bot turns new interactions away, lets those in hand finish, and says no more than is
 * true.
 */
final class InteractionGateTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));
  private static final Actor ANNA = new Actor(Platform.CONSOLE, "anna", "anna", Set.of());

  @Test
  void onceClosedNewCommandsAndClicksAreTurnedAwayAndNothingIsDone() {
    try (Pollcast pollcast = TestSettings.consoleInMemory()) {
      pollcast.service().importEpisode(HOST, BundledEpisodes.example());
      pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
      long poll = pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();

      pollcast.gate().close();

      String stopping =
          "Pollcast stopt op dit moment; er is niets gedaan. Probeer het over een minuut opnieuw.";
      assertThat(pollcast.handler().vote(ANNA, Place.CONSOLE, poll, 0).join()).isEqualTo(stopping);
      assertThat(pollcast.handler().handleLine(HOST, Place.CONSOLE, "/poll close 68").join())
          .isEqualTo(stopping);
      assertThat(pollcast.handler().importContent(HOST, new byte[0], "notes.txt"))
          .isEqualTo(stopping);
      assertThat(pollcast.service().tally(HOST, 68).theses())
          .allSatisfy(
              thesis -> {
                assertThat(thesis.voters()).isZero();
                assertThat(thesis.open()).isTrue();
              });
    }
  }

  @Test
  void aVoteInHandIsFinishedBeforeTheGateReportsIdle() throws Exception {
    try (Pollcast pollcast = TestSettings.consoleInMemory()) {
      pollcast.service().importEpisode(HOST, BundledEpisodes.example());
      pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
      long poll = pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();

      CompletableFuture<String> vote = pollcast.handler().vote(ANNA, Place.CONSOLE, poll, 0);
      pollcast.gate().close();

      assertThat(pollcast.gate().awaitIdle(Duration.ofSeconds(10))).isTrue();
      assertThat(vote).isCompleted();
      assertThat(vote.join()).startsWith("Je stem telt: Eens");
      assertThat(pollcast.gate().inHand()).isZero();
    }
  }

  @Test
  void anUnexpectedErrorNeverClaimsThatNothingChanged() {
    for (Language language : Language.values()) {
      String text = new Messages(language).get("error.internal");
      assertThat(text).doesNotContain("niets veranderd").doesNotContain("nothing changed");
    }
  }
}
