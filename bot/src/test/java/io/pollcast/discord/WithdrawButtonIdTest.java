package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class WithdrawButtonIdTest {

  @Test
  void customIdRoundTripsAndFitsDiscordsHundredCharacters() {
    WithdrawButtonId id = new WithdrawButtonId(42);
    WithdrawButtonId longest = new WithdrawButtonId(Long.MAX_VALUE);

    assertThat(id.customId()).isEqualTo("unvote:42");
    assertThat(WithdrawButtonId.parse(id.customId())).contains(id);
    assertThat(longest.customId()).hasSizeLessThanOrEqualTo(100);
    assertThat(WithdrawButtonId.parse(longest.customId())).contains(longest);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "unvote",
        "unvote:",
        "unvote:0",
        "unvote:01",
        "unvote:-1",
        "unvote:1:0",
        "unvote:x",
        "Unvote:1",
        " unvote:1",
        "unvote:1 ",
        "poll:1:0",
        "unvote:9223372036854775808",
        "unvote:99999999999999999999"
      })
  void anythingElseDoesNotParse(String customId) {
    assertThat(WithdrawButtonId.parse(customId)).isEmpty();
  }

  @Test
  void refusesToWriteAnIdItCouldNotRead() {
    assertThatThrownBy(() -> new WithdrawButtonId(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
