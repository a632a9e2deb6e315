package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class PercentagesTest {
  @Test
  void addUpToAHundred() {
    assertThat(Percentages.of(List.of(1, 1, 1))).containsExactly(34, 33, 33);
    assertThat(Percentages.of(List.of(2, 1))).containsExactly(67, 33);
    assertThat(Percentages.of(List.of(3, 0))).containsExactly(100, 0);
    assertThat(Percentages.of(List.of(0, 0))).containsExactly(0, 0);
    assertThat(Percentages.of(List.of(1, 2, 3, 4, 5)).stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(100);
  }
}
