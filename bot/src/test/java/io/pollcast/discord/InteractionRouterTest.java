package io.pollcast.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class InteractionRouterTest {

  @Test
  void aCommandRegisteredTwiceIsAStartUpError() {
    InteractionRouter.Builder builder =
        InteractionRouter.builder("unknown").command("poll start", event -> {});

    assertThatThrownBy(() -> builder.command("poll start", event -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Duplicate command \"poll start\"");
  }

  @Test
  void aButtonPrefixRegisteredTwiceIsAStartUpError() {
    InteractionRouter.Builder builder =
        InteractionRouter.builder("unknown").button("poll", event -> {});

    assertThatThrownBy(() -> builder.button("poll", event -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("poll");
    assertThatThrownBy(() -> builder.form("import:x", event -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyDefinedCommandNeedsAHandlerAndEveryHandlerACommand() {
    InteractionRouter.Builder builder =
        InteractionRouter.builder("unknown")
            .command("poll start", event -> {})
            .command("poll stop", event -> {});

    assertThatThrownBy(() -> builder.build(List.of("poll start", "poll close")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without a handler: [poll close]")
        .hasMessageContaining("without a command: [poll stop]");
    assertThatThrownBy(() -> builder.build(List.of("poll start", "poll stop", "poll start")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("defined twice");
  }

  @Test
  void theRealRoutesMatchTheRegisteredCommand() {
    InteractionRouter router =
        InteractionRouter.builder("unknown")
            .command("poll start", event -> {})
            .command("poll close", event -> {})
            .build(List.of("poll close", "poll start"));

    assertThat(router.commandNames()).containsExactlyInAnyOrder("poll start", "poll close");
  }
}
