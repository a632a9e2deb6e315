package io.pollcast.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.config.StorageConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
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

  @Test
  void aFileFragmentedByManySmallCommitsShrinksOnceTheyStop(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("fragmented").toAbsolutePath();
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
    try {
      Jdbi jdbi = Jdbi.create(pool);
      jdbi.useHandle(
          h -> {
            h.execute("SET WRITE_DELAY 0");
            h.execute("SET RETENTION_TIME " + H2FileUpkeep.RETENTION_MILLIS);
            h.execute(
                "CREATE TABLE vote (poll_id BIGINT NOT NULL, voter BINARY(16) NOT NULL,"
                    + " option_idx SMALLINT NOT NULL, PRIMARY KEY (poll_id, voter))");
          });
      Random random = new Random(68);
      for (int commit = 0; commit < 400; commit++) {
        jdbi.useTransaction(
            h -> {
              var batch = h.prepareBatch("INSERT INTO vote VALUES (1, :voter, :option)");
              for (int vote = 0; vote < 100; vote++) {
                byte[] voter = new byte[16];
                random.nextBytes(voter);
                batch.bind("voter", voter).bind("option", vote % 2).add();
              }
              batch.execute();
            });
      }
      Path file = dir.resolve("fragmented.mv.db");
      long fragmented = Files.size(file);
      assertThat(chunksFillRate(pool))
          .as("without upkeep, small commits leave the chunks mostly dead")
          .isLessThan(H2FileUpkeep.FILL_PERCENT);

      H2FileUpkeep upkeep = H2FileUpkeep.start(pool).orElseThrow();
      try {
        Await.until(() -> sizeOf(file) < fragmented / 4);
      } finally {
        upkeep.close();
      }
      int votes =
          jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM vote").mapTo(int.class).one());
      assertThat(votes).as("compaction keeps every row").isEqualTo(40_000);
    } finally {
      pool.dispose();
    }
  }

  private static int chunksFillRate(DataSource pool) {
    try (Connection connection = pool.getConnection()) {
      return EmbeddedH2.store(connection).orElseThrow().getFileStore().getChunksFillRate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
