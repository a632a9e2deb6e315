package io.pollcast.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.pollcast.domain.ClosingTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class ClosingTimeTest {

  static Stream<Arguments> validTimes() {
    return Stream.of(
        Arguments.of("3d", new ClosingTime.After(Duration.ofDays(3))),
        Arguments.of("12h", new ClosingTime.After(Duration.ofHours(12))),
        Arguments.of("90m", new ClosingTime.After(Duration.ofMinutes(90))),
        Arguments.of(" 1d 12H ", new ClosingTime.After(Duration.ofHours(36))),
        Arguments.of("2w", new ClosingTime.After(Duration.ofDays(14))),
        Arguments.of("2026-12-01T20:00", new ClosingTime.At(LocalDateTime.of(2026, 12, 1, 20, 0))),
        Arguments.of(
            "2026-12-01 20:00:30", new ClosingTime.At(LocalDateTime.of(2026, 12, 1, 20, 0, 30))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validTimes")
  void readsDurationsAndDateTimes(String text, ClosingTime expected) {
    // when
    ClosingTime closing = ClosingTime.parse(text);

    // then
    assertThat(closing).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "3x | closing time \"3x\" is neither a duration such as 3d, 12h or 90m"
            + " nor a date-time such as 2026-12-01T20:00",
        "0d | closing time \"0d\" must be longer than zero",
        "366d | closing time \"366d\" is too far away; polls may stay open at most 365 days",
        "2026-13-01T20:00 | closing time \"2026-13-01T20:00\" is not a valid date-time;"
            + " write it like 2026-12-01T20:00",
        "2026-12-01T20:00+01:00 | closing time \"2026-12-01T20:00+01:00\" is not a valid"
            + " date-time; write it like 2026-12-01T20:00"
      })
  void refusesOtherTextWithAUserFacingMessage(String text, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ClosingTime.parse(text))
        .withMessage(message);
  }
}
