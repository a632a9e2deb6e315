package io.pollcast.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.config.StorageConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class H2FileUpkeepTest {

  @Test
  void aFileDatabaseGetsTheShortRetentionThatItsUpkeepMakesSafe(@TempDir Path dir) {
    try (Database db = Database.open(TestDatabases.file(dir))) {
      assertThat(setting(db, "RETENTION_TIME"))
          .containsOnly(Integer.toString(H2FileUpkeep.RETENTION_MILLIS));
      assertThat(setting(db, "WRITE_DELAY")).containsOnly("0");
    }
  }

  @Test
  void aFileDatabaseGetsASmallPageCacheUnlessItsUrlSetsOne(@TempDir Path dir) {
    try (Database db = Database.open(TestDatabases.file(dir))) {
      assertThat(setting(db, "CACHE_SIZE")).containsOnly(Integer.toString(Database.CACHE_KB));
    }
    StorageConfig own = TestDatabases.file(dir.resolve("own"));
    StorageConfig withCache =
        new StorageConfig(own.url() + ";CACHE_SIZE=8192", own.user(), own.password(), 4);
    try (Database db = Database.open(withCache)) {
      assertThat(setting(db, "CACHE_SIZE")).containsOnly("8192");
    }
  }

  @Test
  void aDatabaseInMemoryKeepsH2sRetention() {
    try (Database db = TestDatabases.inMemory()) {
      assertThat(setting(db, "RETENTION_TIME"))
          .doesNotContain(Integer.toString(H2FileUpkeep.RETENTION_MILLIS));
    }
  }

  private static java.util.List<String> setting(Database db, String name) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                            + " WHERE SETTING_NAME = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .list());
  }
}
