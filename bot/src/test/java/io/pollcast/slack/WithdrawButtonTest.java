package io.pollcast.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class WithdrawButtonTest {

  @Test
  void theButtonsOwnIdAndValueParseBack() {
    WithdrawButton button = new WithdrawButton(1234);

    assertThat(button.value()).isEqualTo("poll:1234");
    assertThat(WithdrawButton.parse(WithdrawButton.ACTION_ID, button.value())).contains(button);
  }

  @ParameterizedTest
  @CsvSource({
    "withdraw, poll:12:0",
    "withdraw, poll:",
    "withdraw, poll:x",
    "withdraw, 12",
    "withdraw, ' poll:12'",
    "withdraw, poll:99999999999999999999",
    "vote:0, poll:12",
    "Withdraw, poll:12",
  })
  void anythingElseIsRefused(String actionId, String value) {
    assertThat(WithdrawButton.parse(actionId, value)).isEmpty();
  }

  @Test
  void missingPartsAreRefused() {
    assertThat(WithdrawButton.parse(null, "poll:12")).isEmpty();
    assertThat(WithdrawButton.parse(WithdrawButton.ACTION_ID, null)).isEmpty();
  }
}
