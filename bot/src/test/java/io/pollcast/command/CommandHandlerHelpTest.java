package io.pollcast.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Help lists what can be done where it is asked for: typed votes and file imports only locally. */
final class CommandHandlerHelpTest {
  private final Pollcast pollcast = TestSettings.consoleInMemory();

  @AfterEach
  void close() {
    pollcast.close();
  }

  @Test
  void theConsoleListsTypedVotesAndFileImports() {
    String help = help(Platform.CONSOLE);

    assertThat(help).contains("/vote 68.1", "/withdraw 68.1", "/poll import BESTAND");
  }

  @Test
  void discordAndSlackListOnlyWhatWorksThereAndPointToTheButtons() {
    for (Platform platform : new Platform[] {Platform.DISCORD, Platform.SLACK}) {
      String help = help(platform);

      assertThat(help)
          .as(platform.id())
          .doesNotContain("/vote", "/withdraw", "BESTAND")
          .contains("/poll import ", "/poll tally 68", "/poll forget-me", "knoppen");
    }
  }

  private String help(Platform platform) {
    Actor member = new Actor(platform, "u1", "member", Set.of());
    return pollcast
        .handler()
        .handle(member, new Place(platform, "c1"), new PollCommand.Help())
        .join();
  }
}
