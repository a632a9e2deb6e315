package io.pollcast.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Engine.class)
final class LeaseStoreTest {
  private static final Duration TTL = Duration.ofMinutes(1);
  private final Database db;

  LeaseStoreTest(Engine engine) {
    db = TestDatabases.open(engine);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void oneHolderAtATimeUntilItReleases() {
    LeaseStore leases = db.leases();

    assertThat(leases.tryHold("gateway", "a", TTL)).isTrue();
    assertThat(leases.tryHold("gateway", "b", TTL)).isFalse();
    assertThat(leases.tryHold("gateway", "a", TTL)).as("renewed").isTrue();
    assertThat(leases.tryHold("other", "b", TTL)).isTrue();
    assertThat(leases.holder("gateway")).contains("a");

    leases.release("gateway", "b");
    assertThat(leases.holder("gateway")).contains("a");
    leases.release("gateway", "a");
    assertThat(leases.holder("gateway")).isEmpty();
    assertThat(leases.tryHold("gateway", "b", TTL)).isTrue();
  }

  @Test
  void anExpiredLeaseGoesToTheNextProcessThatAsks() {
    LeaseStore leases = db.leases();
    assertThat(leases.tryHold("gateway", "a", Duration.ofSeconds(-1))).isTrue();

    assertThat(leases.holder("gateway")).isEmpty();
    assertThat(leases.tryHold("gateway", "b", TTL)).isTrue();
    assertThat(leases.tryHold("gateway", "a", TTL)).isFalse();
    assertThat(leases.holder("gateway")).contains("b");
  }
}
