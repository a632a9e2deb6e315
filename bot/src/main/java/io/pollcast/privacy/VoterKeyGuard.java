package io.pollcast.privacy;

import io.pollcast.domain.RefusedException;
import io.pollcast.storage.PrivacyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one voter key per open poll. A voter's pseudonym depends on the key, so with another key
 * every voter on an open poll would be a new voter and could vote twice. The database holds the
 * fingerprint of the key the open polls are written with (never the key); Pollcast refuses to start
 * with a different key while polls are open, and records the key in use whenever polls are started
 * while none is open, which is when a key may change. Thread-safe.
 */
public final class VoterKeyGuard {
  private static final Logger LOG = LoggerFactory.getLogger(VoterKeyGuard.class);
  private static final int SHOWN = 8;

  private final PrivacyStore store;
  private final String fingerprint;
  private final Clock clock;

  /**
   * Creates the guard for the key with the given fingerprint.
   *
   * @see io.pollcast.privacy.Pseudonymizer#keyFingerprint()
   */
  public VoterKeyGuard(PrivacyStore store, String fingerprint, Clock clock) {
    this.store = store;
    this.fingerprint = fingerprint;
    this.clock = clock;
  }

  /**
   * Checks the key at start-up.
   *
   * @throws VoterKeyMismatchException if polls are open that were started with another key
   */
  public void checkAtStartUp() {
    Optional<String> recorded = store.keyFingerprint();
    if (recorded.isEmpty()) {
      store.recordKeyFingerprint(fingerprint, clock.instant());
      return;
    }
    if (recorded.get().equals(fingerprint)) {
      return;
    }
    List<Integer> open = store.episodesWithOpenPolls();
    if (!open.isEmpty()) {
      throw new VoterKeyMismatchException(mismatch(recorded.get(), open));
    }
    LOG.info(
        "The voter key (fingerprint {}) is not the one used before ({}); no poll is open, so no"
            + " vote is affected. It is recorded when polls are next started.",
        shown(fingerprint),
        shown(recorded.get()));
  }

  /**
   * Called before polls are opened: records the key in use if no poll is open, and refuses if polls
   * are open under another key (another process started with a different key).
   */
  public void beforeOpeningPolls() {
    Optional<String> recorded = store.keyFingerprint();
    if (recorded.filter(fingerprint::equals).isPresent()) {
      return;
    }
    if (recorded.isPresent() && !store.episodesWithOpenPolls().isEmpty()) {
      throw new RefusedException("start.key-changed");
    }
    store.recordKeyFingerprint(fingerprint, clock.instant());
  }

  private String mismatch(String recorded, List<Integer> episodes) {
    String numbers = episodes.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return "The voter key (fingerprint "
        + shown(fingerprint)
        + ") is not the key that the open polls of episode "
        + numbers
        + " were started with (fingerprint "
        + shown(recorded)
        + "). With another key every voter on those polls would count as a new voter and could"
        + " vote twice, so Pollcast does not start. Start it with the old key"
        + " (POLLCAST_VOTER_KEY or the file in pollcast.privacy.key-file), close the open polls"
        + " (/poll close "
        + episodes.get(0)
        + "), and change the key only while no poll is open. See PRIVACY.md.";
  }

  private static String shown(String fingerprint) {
    return fingerprint.substring(0, Math.min(SHOWN, fingerprint.length()));
  }
}
