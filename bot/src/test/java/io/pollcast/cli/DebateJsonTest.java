package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.poll.PollService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code tally --json} keeps its shape and adds a debate's rounds, shift and the hosts' stance. */
final class DebateJsonTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));

  @Test
  void aDebateThesisHasBeforeAfterShiftAndStance() throws Exception {
    try (Pollcast pollcast = TestSettings.consoleInMemory()) {
      PollService service = pollcast.service();
      service.importEpisode(HOST, BundledEpisodes.example());
      service.start(HOST, Place.CONSOLE, 68, Optional.empty(), true, Optional.empty());
      long poll = service.pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();
      Actor anna = new Actor(Platform.CONSOLE, "anna", "anna", Set.of());
      pollcast.votes().vote(anna, Place.CONSOLE, poll, 1).join();
      service.after(HOST, 68);
      pollcast.votes().vote(anna, Place.CONSOLE, poll, 0).join();
      service.stance(HOST, 68, 1, "Eens");

      JsonNode json =
          new ObjectMapper().readTree(ResultsFormats.json(service.results(68), service.theses(68)));

      JsonNode thesis = json.path("theses").path(0);
      assertThat(thesis.path("voters").asInt()).isEqualTo(1);
      assertThat(thesis.path("options").path(0).path("label").asText()).isEqualTo("Eens");
      assertThat(thesis.path("before").path("voters").asInt()).isEqualTo(1);
      assertThat(thesis.path("before").path("options").path(1).path("percent").asInt())
          .isEqualTo(100);
      assertThat(thesis.path("after").path("options").path(0).path("votes").asInt()).isEqualTo(1);
      assertThat(thesis.path("shift").path("voters").asInt()).isEqualTo(1);
      assertThat(thesis.path("shift").path("options"))
          .extracting(o -> o.path("label").asText() + " " + o.path("points").asInt())
          .containsExactly("Eens 100", "Oneens -100");
      assertThat(thesis.path("stance"))
          .extracting(o -> o.path("label").asText() + " " + o.path("hosts").asInt())
          .containsExactly("Eens 1");
      assertThat(List.of("number", "text", "started", "open", "voters", "options", "platforms"))
          .allMatch(thesis::has);
    }
  }
}
