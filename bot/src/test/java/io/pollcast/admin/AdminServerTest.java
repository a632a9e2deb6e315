package io.pollcast.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.AdminConfig;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The operator's endpoints, asked over real HTTP. */
final class AdminServerTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(AdminServer admin, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthReadyAndMetricsTellTheOperatorWhatTheyNeedAndNobodysIdentity() throws Exception {
    AtomicBoolean platformConnected = new AtomicBoolean(false);
    try (Pollcast pollcast = TestSettings.consoleInMemory();
        AdminServer admin =
            AdminServer.start(
                new AdminConfig(OptionalInt.of(0), "127.0.0.1"),
                0,
                pollcast.metrics(),
                Map.of(
                    "database",
                    () -> pollcast.database().answers(Duration.ofSeconds(2)),
                    "discord",
                    platformConnected::get))) {
      // given votes, a close and a vote after it
      pollcast.service().importEpisode(HOST, BundledEpisodes.example());
      pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
      long poll = pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
      for (String name : new String[] {"anna-4711", "bert-0815"}) {
        pollcast
            .handler()
            .vote(new Actor(Platform.CONSOLE, name, name, Set.of()), Place.CONSOLE, poll, 0)
            .join();
      }
      assertThat(get(admin, "/metrics").body()).contains("pollcast_polls_open 3.0");
      pollcast.handler().handleLine(HOST, Place.CONSOLE, "/poll close 68").join();
      pollcast
          .handler()
          .vote(new Actor(Platform.CONSOLE, "cees-1", "cees-1", Set.of()), Place.CONSOLE, poll, 1)
          .join();

      // then the process is alive
      HttpResponse<String> health = get(admin, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("ok\n");

      // and not ready while a platform is not connected, ready once it is
      HttpResponse<String> notReady = get(admin, "/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).isEqualTo("database ok\ndiscord not ready\n");
      platformConnected.set(true);
      assertThat(get(admin, "/ready").statusCode()).isEqualTo(200);

      // and the metrics are Prometheus' text, with counts per platform and outcome only
      HttpResponse<String> metrics = get(admin, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(metrics.body())
          .contains(
              "pollcast_votes_acknowledged_total{outcome=\"counted\",platform=\"console\"} 2.0",
              "pollcast_votes_refused_total{outcome=\"poll_closed\",platform=\"console\"} 1.0",
              "pollcast_vote_acknowledgement_seconds_bucket{platform=\"console\",le=",
              "pollcast_vote_acknowledgement_seconds_count{platform=\"console\"} 2",
              "pollcast_polls_open 0.0",
              "pollcast_announcements_pending 0.0",
              "pollcast_vote_batches_total",
              "pollcast_vote_batch_votes_total",
              "pollcast_vote_batch_database_seconds_total",
              "jvm_memory_used_bytes",
              "jvm_threads_live_threads")
          .doesNotContain("anna")
          .doesNotContain("bert")
          .doesNotContain("cees");
      assertThat(get(admin, "/elsewhere").statusCode()).isEqualTo(404);
    }
  }
}
