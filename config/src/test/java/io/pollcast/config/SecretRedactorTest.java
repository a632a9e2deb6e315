package io.pollcast.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class SecretRedactorTest {

  @Test
  void everySecretSetInTheEnvironmentIsBlankedOut() {
    SecretRedactor redactor =
        SecretRedactor.fromEnvironment(
            Map.of(
                "DISCORD_TOKEN", "discord-abc",
                "SLACK_BOT_TOKEN", "xoxb-123",
                "SLACK_APP_TOKEN", "xapp-456",
                "SLACK_SIGNING_SECRET", "sign-789",
                "POLLCAST_VOTER_KEY", "\tkey-with-spaces\n",
                "POLLCAST_DB_PASSWORD", "hunter2",
                "HOME", "/root"));

    String redacted =
        redactor.redact(
            "discord-abc xoxb-123 xapp-456 sign-789 key-with-spaces jdbc:x;PASSWORD=hunter2 /root");

    assertThat(redacted).isEqualTo("*** *** *** *** *** jdbc:x;PASSWORD=*** /root");
  }

  @Test
  void withoutSecretsTextIsUnchanged() {
    assertThat(SecretRedactor.fromEnvironment(Map.of("POLLCAST_DB_PASSWORD", "")).redact("a b"))
        .isEqualTo("a b");
  }
}
