package io.pollcast.storage;

import static io.pollcast.storage.TestDatabases.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
final class EpisodeStoreTest {
  private final Database db;

  EpisodeStoreTest(Engine engine) {
    db = TestDatabases.open(engine);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void savesAnEpisodeWithItsTheses() {
    TestDatabases.episode68(db);

    assertThat(db.episodes().find(68))
        .get()
        .extracting(EpisodeRow::title)
        .isEqualTo("Personalisatie, profiling en privacy");
    assertThat(db.episodes().theses(68)).extracting(ThesisRow::number).containsExactly(1, 2, 3);
    assertThat(db.episodes().summaries())
        .containsExactly(new EpisodeSummary(68, "Personalisatie, profiling en privacy", 3, 0, 0));
  }

  @Test
  void reimportUpdatesTextsAndKeepsThesesThatHaveVotes() {
    TestDatabases.episode68(db);
    long poll = TestDatabases.openPoll(db, 3);
    try (VoteWriter writer = new VoteWriter(db.jdbi())) {
      writer.submit(VoteRequest.cast(poll, TestDatabases.voter(1), 0)).join();
    }

    SaveResult result =
        db.episodes()
            .save(
                new EpisodeRow(68, "Nieuwe titel", List.of("Ja", "Nee"), Optional.of("3d"), NOW),
                List.of(new ThesisRow(68, 1, "Herschreven stelling", "context")));

    assertThat(result.created()).isFalse();
    assertThat(result.keptTheses()).containsExactly(3);
    assertThat(db.episodes().theses(68))
        .extracting(ThesisRow::number, ThesisRow::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "Herschreven stelling"),
            org.assertj.core.groups.Tuple.tuple(
                3,
                "Over vijf jaar is geautomatiseerde personalisatie misschien niet meer haalbaar"));
    assertThat(db.episodes().find(68).orElseThrow().options()).containsExactly("Ja", "Nee");
    assertThat(db.polls().options(poll)).extracting(OptionCount::votes).containsExactly(1, 0);
  }
}
