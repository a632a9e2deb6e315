package io.pollcast.discord.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.pollcast.discord.fake.InteractionLedger.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks that the fake judges interaction callbacks as Discord does. */
final class InteractionLedgerTest {
  private static final FakeMember PAT = new FakeMember(Snowflakes.next(), "pat", false, List.of());

  private final InteractionLedger ledger = new InteractionLedger(Duration.ofSeconds(3));

  @Test
  void acceptsTheFirstCallbackAndRefusesASecond() {
    FakeInteraction click = interaction(Instant.now());

    Verdict first = callback(click);
    Verdict second = callback(click);

    assertThat(first).isEqualTo(Verdict.ACCEPTED);
    assertThat(second).isEqualTo(Verdict.ALREADY_ACKNOWLEDGED);
    assertThat(ledger.callbacksOf(click))
        .extracting(InteractionCallback::accepted)
        .containsExactly(true, false);
  }

  @Test
  void refusesACallbackAfterTheReplyDeadline() {
    FakeInteraction late = interaction(Instant.now().minusSeconds(4));

    assertThat(callback(late)).isEqualTo(Verdict.UNKNOWN_INTERACTION);
    assertThat(ledger.callbacksOf(late))
        .singleElement()
        .satisfies(c -> assertThat(c.accepted()).isFalse());
  }

  @Test
  void refusesACallbackWithAnotherInteractionsId() {
    FakeInteraction click = interaction(Instant.now());

    Verdict verdict =
        ledger.recordCallback(Snowflakes.next(), click.token(), 4, MissingNode.getInstance());

    assertThat(verdict).isEqualTo(Verdict.UNKNOWN_INTERACTION);
  }

  @Test
  void aComponentsWebhookOwnsItsMessageAndFollowUpsOnly() {
    FakeInteraction click = interaction(Instant.now());

    ledger.addFollowUp(click.token(), "200");

    assertThat(ledger.ownsMessage(click.token(), "100")).isTrue();
    assertThat(ledger.ownsMessage(click.token(), "200")).isTrue();
    assertThat(ledger.ownsMessage(click.token(), "300")).isFalse();
    assertThat(ledger.originalMessageId(click.token())).contains("100");
  }

  private FakeInteraction interaction(Instant createdAt) {
    FakeInteraction interaction =
        new FakeInteraction(
            Snowflakes.next(),
            "token-" + Snowflakes.next(),
            FakeInteraction.Kind.BUTTON,
            PAT,
            Optional.of("100"),
            createdAt);
    ledger.register(interaction);
    return interaction;
  }

  private Verdict callback(FakeInteraction interaction) {
    return ledger.recordCallback(
        interaction.id(), interaction.token(), 4, MissingNode.getInstance());
  }
}
