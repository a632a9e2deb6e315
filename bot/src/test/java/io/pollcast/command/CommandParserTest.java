package io.pollcast.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.RefusedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CommandParserTest {
  private final CommandParser parser = new CommandParser();

  @Test
  void parsesEveryCommand() {
    assertThat(parser.parse("/poll episodes")).isEqualTo(new PollCommand.Episodes());
    assertThat(parser.parse("/poll start 68"))
        .isEqualTo(new PollCommand.Start(68, java.util.Optional.empty()));
    assertThat(parser.parse("/poll close 68")).isEqualTo(new PollCommand.Close(68));
    assertThat(parser.parse("  /POLL   tally   68 ")).isEqualTo(new PollCommand.Tally(68));
    assertThat(parser.parse("/vote 68.1 Weet niet"))
        .isEqualTo(new PollCommand.Vote(68, 1, "Weet niet"));
    assertThat(parser.parse("/withdraw 68.2")).isEqualTo(new PollCommand.Withdraw(68, 2));
    assertThat(parser.parse("/poll import notes.txt"))
        .isEqualTo(new PollCommand.Import("notes.txt"));
    assertThat(parser.parse("/help")).isEqualTo(new PollCommand.Help());
    assertThat(parser.parse("/poll my-data")).isEqualTo(new PollCommand.MyData());
    assertThat(parser.parse("/poll FORGET-ME")).isEqualTo(new PollCommand.ForgetMe());
  }

  @Test
  void startTakesAClosingTime() {
    PollCommand.Start start = (PollCommand.Start) parser.parse("/poll start 68 closes:3d");

    assertThat(start.closing()).contains(new ClosingTime.After(Duration.ofDays(3)));
  }

  @Test
  void reopenTakesAnOptionalClosingTime() {
    assertThat(parser.parse("/poll reopen 68"))
        .isEqualTo(new PollCommand.Reopen(68, java.util.Optional.empty()));
    assertThat(parser.parse("/poll reopen 68 closes:12h"))
        .isEqualTo(
            new PollCommand.Reopen(
                68, java.util.Optional.of(new ClosingTime.After(Duration.ofHours(12)))));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/frobnicate | command.unknown",
        "/poll dance 68 | command.unknown",
        "/poll start | command.usage",
        "/poll start sixty-eight | command.bad-number",
        "/poll start 68 tomorrow | command.usage",
        "/poll start 68 closes:soon | command.bad-closing",
        "/poll close 68 69 | command.usage",
        "/vote 68 Eens | command.bad-reference",
        "/vote 68.1 | command.usage",
        "/withdraw | command.usage",
        "/poll reopen | command.usage",
        "/poll reopen 68 later | command.usage",
        "/poll reopen 68 closes:soon | command.bad-closing",
        "/poll start 99999999999 | command.bad-number",
        "/poll my-data please | command.usage",
        "/poll forget-me 68 | command.usage"
      })
  void refusesBadCommandsWithTheReason(String line, String key) {
    assertThatThrownBy(() -> parser.parse(line))
        .isInstanceOf(RefusedException.class)
        .extracting(e -> ((RefusedException) e).messageKey())
        .isEqualTo(key);
  }

  @Test
  void refusesOverlongLines() {
    assertThatThrownBy(() -> parser.parse("/vote 68.1 " + "x".repeat(1_000)))
        .isInstanceOf(RefusedException.class);
  }
}
