package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TcpProxy;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.PollcastConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Role;
import io.pollcast.storage.Await;
import io.pollcast.storage.Database;
import io.pollcast.storage.Engine;
import io.pollcast.storage.TestDatabases;
import io.pollcast.text.Messages;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL out of reach for a while, for real: the bot reaches it through a TCP proxy that the
 * test cuts (every connection closed, new ones refused) and restores. Clicks meanwhile are told to
 * try again, in the configured language; the votes acknowledged before stay; once the database is
 * back, the same bot takes votes again without a restart.
 */
final class DatabaseOutageTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));

  @Test
  @DisplayName("PostgreSQL cut off: clicks told to try again, nothing acknowledged lost, recovers")
  void clicksDuringAnOutageAreToldToTryAgain() throws Exception {
    var storage = TestDatabases.fresh(Engine.POSTGRESQL);
    URI server = URI.create(storage.url().substring("jdbc:".length()));
    try (TcpProxy proxy = TcpProxy.to(server.getHost(), server.getPort())) {
      Map<String, String> env = new HashMap<>();
      env.put(
          "CONFIG_FORCE_pollcast_storage_url",
          storage.url().replace(":" + server.getPort() + "/", ":" + proxy.port() + "/"));
      env.put("CONFIG_FORCE_pollcast_storage_user", storage.user());
      env.put("POLLCAST_VOTER_KEY", TestSettings.VOTER_KEY);
      PollcastConfig config = ConfigLoader.load(Optional.empty(), env);
      try (Pollcast pollcast =
          Pollcast.open(
              config,
              TestSettings.key(),
              Clock.systemUTC(),
              Map.of(Platform.CONSOLE, new RecordingPublisher()))) {
        pollcast.service().importEpisode(HOST, BundledEpisodes.example());
        pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
        PollInfo poll = pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow();
        Messages texts = pollcast.texts().messages();
        assertThat(vote(pollcast, "anna", poll, 0))
            .isEqualTo(texts.get("vote.counted", "Eens", "68.1"));
        assertThat(vote(pollcast, "bert", poll, 1))
            .isEqualTo(texts.get("vote.counted", "Oneens", "68.1"));

        proxy.cut();
        Instant cut = Instant.now();
        assertThat(pollcast.database().answers(Duration.ofSeconds(1))).isFalse();
        var cees = click(pollcast, "cees", poll, 0);
        var annaAgain = click(pollcast, "anna", poll, 1);
        assertThat(cees.get(30, TimeUnit.SECONDS))
            .isEqualTo(texts.get("vote.failed"))
            .isEqualTo("Je stem kon niet worden opgeslagen. Probeer het zo opnieuw.");
        assertThat(annaAgain.get(30, TimeUnit.SECONDS)).isEqualTo(texts.get("vote.failed"));
        // Out of reach for longer than a click waits for a connection, clicks still fail cleanly.
        Await.until(
            Duration.ofSeconds(30),
            () ->
                Duration.between(cut, Instant.now()).compareTo(Database.CONNECTION_WAIT) > 0
                    && click(pollcast, "dora", poll, 0).join().equals(texts.get("vote.failed")),
            () -> "a click told to try again after the connection wait");
        proxy.restore();

        assertThat(vote(pollcast, "cees", poll, 0))
            .isEqualTo(texts.get("vote.counted", "Eens", "68.1"));
        assertThat(pollcast.database().answers(Duration.ofSeconds(1))).isTrue();
        assertThat(pollcast.service().results(68).theses().get(0).options())
            .extracting(OptionResult::votes)
            .containsExactly(2, 1);
      }
    }
  }

  private static String vote(Pollcast pollcast, String name, PollInfo poll, int option)
      throws Exception {
    return click(pollcast, name, poll, option).get(30, TimeUnit.SECONDS);
  }

  private static CompletableFuture<String> click(
      Pollcast pollcast, String name, PollInfo poll, int option) {
    Actor voter = new Actor(Platform.CONSOLE, name, name, Set.of());
    return pollcast.handler().vote(voter, Place.CONSOLE, poll.pollId(), option);
  }
}
