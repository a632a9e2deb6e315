package io.pollcast.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.poll.RecordingPublisher;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A different voter key is refused while polls are open, and accepted once none is. */
final class VoterKeyGuardTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));
  private static final byte[] OLD_KEY = TestSettings.key();
  private static final byte[] NEW_KEY = key(7);

  private final PollcastConfig config = TestSettings.inMemory(Map.of());

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private Pollcast open(byte[] key) {
    return Pollcast.open(
        config, key, Clock.systemUTC(), Map.of(Platform.CONSOLE, new RecordingPublisher()));
  }

  @Test
  void theFingerprintTellsKeysApartAndRevealsNothing() {
    String fingerprint = new Pseudonymizer(OLD_KEY).keyFingerprint();

    assertThat(fingerprint).hasSize(32).matches("[0-9a-f]+");
    assertThat(fingerprint).isEqualTo(new Pseudonymizer(OLD_KEY.clone()).keyFingerprint());
    assertThat(fingerprint).isNotEqualTo(new Pseudonymizer(NEW_KEY).keyFingerprint());
    assertThat(fingerprint)
        .doesNotContain(java.util.HexFormat.of().formatHex(OLD_KEY).substring(0, 8));
  }

  @Test
  void aNewKeyIsRefusedWhilePollsAreOpenAndAcceptedOnceTheyAreClosed() {
    try (Pollcast first = open(OLD_KEY)) {
      first.service().importEpisode(HOST, BundledEpisodes.example());
      first.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
    }

    assertThatThrownBy(() -> open(NEW_KEY))
        .isInstanceOf(VoterKeyMismatchException.class)
        .hasMessageContaining("open polls of episode 68")
        .hasMessageContaining("could vote twice")
        .hasMessageContaining("close the open polls")
        .hasMessageContaining(new Pseudonymizer(OLD_KEY).keyFingerprint().substring(0, 8))
        .hasMessageNotContaining(Base64.getEncoder().encodeToString(NEW_KEY))
        .hasMessageNotContaining(Base64.getEncoder().encodeToString(OLD_KEY));

    try (Pollcast again = open(OLD_KEY)) {
      again.service().close(HOST, 68);
    }
    try (Pollcast rotated = open(NEW_KEY)) {
      rotated.service().importEpisode(HOST, BundledEpisodes.example());
      assertThat(rotated.database().privacy().keyFingerprint())
          .contains(new Pseudonymizer(OLD_KEY).keyFingerprint());
      rotated.service().start(HOST, new Place(Platform.CONSOLE, "other"), 68, Optional.empty());
      assertThat(rotated.database().privacy().keyFingerprint())
          .contains(new Pseudonymizer(NEW_KEY).keyFingerprint());
    }
    assertThatThrownBy(() -> open(OLD_KEY)).isInstanceOf(VoterKeyMismatchException.class);
  }

  @Test
  void startingPollsUnderAnotherKeyThanTheOpenOnesIsRefused() {
    try (Pollcast first = open(OLD_KEY)) {
      first.service().importEpisode(HOST, BundledEpisodes.example());
      first.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
      // another process with another key, started while no poll was open, cannot be simulated
      // without a second process; the guard is checked directly instead
      var other =
          new VoterKeyGuard(
              first.database().privacy(),
              new Pseudonymizer(NEW_KEY).keyFingerprint(),
              Clock.systemUTC());

      assertThatThrownBy(other::beforeOpeningPolls)
          .isInstanceOf(RefusedException.class)
          .extracting(e -> ((RefusedException) e).messageKey())
          .isEqualTo("start.key-changed");
    }
  }
}
