package io.pollcast.slack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.config.InvalidConfigException;
import io.pollcast.config.PollcastConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up refuses a mode whose secret is missing, naming the variable and never a value. */
final class SlackStartupTest {
  private static final String BOT_TOKEN = "xoxb-secret-value";

  @Test
  void socketModeNeedsTheAppToken() {
    PollcastConfig config = config("socket", Map.of("SLACK_SIGNING_SECRET", "a-secret-value"));

    assertThatThrownBy(() -> SlackBot.create(config, Pollcast.texts(config)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("SLACK_APP_TOKEN is not set")
        .hasMessageNotContaining(BOT_TOKEN)
        .hasMessageNotContaining("a-secret-value");
  }

  @Test
  void httpModeNeedsTheSigningSecret() {
    PollcastConfig config = config("http", Map.of("SLACK_APP_TOKEN", "xapp-secret-value"));

    assertThatThrownBy(() -> SlackBot.create(config, Pollcast.texts(config)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set")
        .hasMessageNotContaining(BOT_TOKEN)
        .hasMessageNotContaining("xapp-secret-value");
  }

  private static PollcastConfig config(String mode, Map<String, String> secrets) {
    Map<String, String> env = new HashMap<>(secrets);
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("POLLCAST_VOTER_KEY", TestSettings.VOTER_KEY);
    return ConfigLoader.load(ConfigFactory.parseMap(Map.of("pollcast.slack.mode", mode)), env);
  }
}
