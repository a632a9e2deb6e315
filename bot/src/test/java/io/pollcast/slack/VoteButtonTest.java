package io.pollcast.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class VoteButtonTest {

  @Test
  void theButtonsOwnIdAndValueParseBack() {
    VoteButton button = new VoteButton(1234, 3);

    assertThat(button.actionId()).isEqualTo("vote:3");
    assertThat(button.value()).isEqualTo("poll:1234:3");
    assertThat(VoteButton.blockId(1234)).isEqualTo("poll:1234");
    assertThat(VoteButton.parse(button.actionId(), button.value())).contains(button);
  }

  @ParameterizedTest
  @CsvSource({
    "vote:0, poll:12:1",
    "vote:0, poll:12",
    "vote:0, poll:x:0",
    "vote:0, poll:12:0:1",
    "vote:0, poll:-12:0",
    "vote:0, 12:0",
    "vote:0, poll:99999999999999999999:0",
    "vote:x, poll:12:0",
    "other, poll:12:0",
    "vote:0, ' poll:12:0'",
  })
  void anythingElseIsRefused(String actionId, String value) {
    assertThat(VoteButton.parse(actionId, value)).isEmpty();
  }

  @Test
  void missingPartsAreRefused() {
    assertThat(VoteButton.parse(null, "poll:12:0")).isEmpty();
    assertThat(VoteButton.parse("vote:0", null)).isEmpty();
  }
}
