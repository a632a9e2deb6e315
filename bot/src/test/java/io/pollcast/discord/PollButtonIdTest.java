package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class PollButtonIdTest {

  @Test
  void customIdRoundTrips() {
    PollButtonId id = new PollButtonId(42, 3);

    assertThat(id.customId()).isEqualTo("poll:42:3");
    assertThat(PollButtonId.parse(id.customId())).contains(id);
  }

  @Test
  void theLongestIdFitsDiscordsHundredCharacters() {
    PollButtonId longest = new PollButtonId(Long.MAX_VALUE, PollButtonId.MAX_OPTIONS - 1);

    assertThat(longest.customId()).hasSizeLessThanOrEqualTo(100);
    assertThat(PollButtonId.parse(longest.customId())).contains(longest);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "poll",
        "poll:",
        "poll:1",
        "poll:1:",
        "poll::1",
        "poll:0:1",
        "poll:-1:0",
        "poll:01:0",
        "poll:1:00",
        "poll:1:25",
        "poll:1:-1",
        "poll:1:2:3",
        "poll:x:1",
        "Poll:1:1",
        " poll:1:1",
        "poll:1:1 ",
        "vote:1:1",
        "poll:99999999999999999999:0",
        "poll:9223372036854775808:0"
      })
  void anythingElseDoesNotParse(String customId) {
    assertThat(PollButtonId.parse(customId)).isEmpty();
  }

  @Test
  void refusesToWriteAnIdItCouldNotRead() {
    assertThatThrownBy(() -> new PollButtonId(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PollButtonId(1, 25)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PollButtonId(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
