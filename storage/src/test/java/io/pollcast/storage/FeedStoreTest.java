package io.pollcast.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
final class FeedStoreTest {
  private static final OffsetDateTime AT = TestDatabases.NOW.atOffset(ZoneOffset.UTC);
  private final Database db;

  FeedStoreTest(Engine engine) {
    db = TestDatabases.open(engine);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void remembersTheNotesHashOfAnEpisodeFromTheFeed() {
    TestDatabases.episode68(db);
    assertThat(db.feed().notesHash(68)).isEmpty();

    db.feed().recordNew(68, "aaa", AT, List.of());
    db.feed().updateItem(68, "bbb", AT.plusHours(1));

    assertThat(db.feed().notesHash(68)).contains("bbb");
  }

  @Test
  void anActionIsPendingUntilDoneOnce() {
    TestDatabases.episode68(db);
    FeedAction start = new FeedAction(68, FeedAction.START, "discord", "123");
    FeedAction notify = new FeedAction(68, FeedAction.NOTIFY, "console", "console");

    db.feed().recordNew(68, "aaa", AT, List.of(start, notify));

    assertThat(db.feed().pending()).containsExactly(notify, start);
    assertThat(db.feed().done(start, AT)).isEqualTo(1);
    assertThat(db.feed().done(start, AT)).isZero();
    assertThat(db.feed().pending()).containsExactly(notify);
  }
}
