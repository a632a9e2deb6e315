package io.pollcast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {

  @Test
  void defaultsComeFromReferenceConf() {
    PollcastConfig config = ConfigLoader.load(Optional.empty(), Map.of());

    assertThat(config.language()).isEqualTo(Language.NL);
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(config.storage().url()).startsWith("jdbc:h2:file:./data/");
    assertThat(config.polls().defaultOptions()).containsExactly("Eens", "Oneens");
    assertThat(config.polls().liveResults()).isEqualTo(LiveResults.OFF);
    assertThat(config.polls().defaultDuration()).isEmpty();
    assertThat(config.polls().reminderBefore()).isEmpty();
    assertThat(config.console().chartDir()).isEqualTo(Path.of("./data/charts"));
    assertThat(config.console().hosts()).containsExactly("host");
    assertThat(config.console().moderators()).containsExactly("mod");
    assertThat(config.slack().mode()).isEqualTo(SlackConfig.SlackMode.SOCKET);
    assertThat(config.secrets().discordToken()).isEmpty();
  }

  @Test
  void userFileOverridesDefaultsAndEnvironmentOverridesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my.conf");
    Files.writeString(
        file,
        "pollcast { language = en, storage.url = \"jdbc:h2:mem:x\", polls.live-results = true }");

    PollcastConfig config =
        ConfigLoader.load(
            Optional.of(file), Map.of("CONFIG_FORCE_pollcast_storage_pool__size", "7"));

    assertThat(config.language()).isEqualTo(Language.EN);
    assertThat(config.storage().url()).isEqualTo("jdbc:h2:mem:x");
    assertThat(config.storage().poolSize()).isEqualTo(7);
    assertThat(config.polls().liveResults()).isEqualTo(LiveResults.COUNTS);
  }

  @Test
  void unknownKeyIsRefusedByName() {
    assertThatThrownBy(() -> load("pollcast.storage.ulr = \"jdbc:h2:mem:x\""))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.storage.ulr")
        .hasMessageContaining("pollcast.storage.url");
  }

  @Test
  void keyOutsideTheRootIsRefused() {
    assertThatThrownBy(() -> load("pollcats.language = en"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcats");
  }

  @Test
  void wrongTypeNamesTheKey() {
    assertThatThrownBy(() -> load("pollcast.storage.pool-size = many"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.storage.pool-size");
  }

  @Test
  void badValuesNameTheKeyAndTheExpectedForm() {
    assertThatThrownBy(() -> load("pollcast.language = fr"))
        .hasMessageContaining("pollcast.language")
        .hasMessageContaining("\"nl\" or \"en\"");
    assertThatThrownBy(() -> load("pollcast.time-zone = Mars/Olympus"))
        .hasMessageContaining("pollcast.time-zone");
    assertThatThrownBy(() -> load("pollcast.polls.default-options = [Eens]"))
        .hasMessageContaining("pollcast.polls.default-options");
    assertThatThrownBy(() -> load("pollcast.polls.default-options = [Eens, eens]"))
        .hasMessageContaining("pollcast.polls.default-options");
    assertThatThrownBy(() -> load("pollcast.discord.rest-url = \"discord\""))
        .hasMessageContaining("pollcast.discord.rest-url");
    assertThatThrownBy(() -> load("pollcast.slack.mode = webhook"))
        .hasMessageContaining("pollcast.slack.mode");
  }

  @Test
  void pollDurationsAreDurationsOrOff() {
    PollcastConfig config =
        load("pollcast.polls { default-duration = 3d, reminder-before = \"90 minutes\" }");
    assertThat(config.polls().defaultDuration()).contains(Duration.ofDays(3));
    assertThat(config.polls().reminderBefore()).contains(Duration.ofMinutes(90));
    assertThat(load("pollcast.polls.reminder-before = 12h").polls().reminderBefore())
        .contains(Duration.ofHours(12));
    assertThat(load("pollcast.polls.default-duration = OFF").polls().defaultDuration()).isEmpty();

    assertThatThrownBy(() -> load("pollcast.polls.default-duration = soon"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.polls.default-duration")
        .hasMessageContaining("soon")
        .hasMessageContaining("such as 3d");
    assertThatThrownBy(() -> load("pollcast.polls.reminder-before = 0m"))
        .hasMessageContaining("pollcast.polls.reminder-before");
    assertThatThrownBy(() -> load("pollcast.polls.default-duration = 400d"))
        .hasMessageContaining("pollcast.polls.default-duration");
    assertThatThrownBy(() -> load("pollcast.polls.reminder-before = [1h]"))
        .hasMessageContaining("pollcast.polls.reminder-before");
  }

  @Test
  void liveResultsShowCountsTurnoutOrNothing() {
    assertThat(load("pollcast.polls.live-results = turnout").polls().liveResults())
        .isEqualTo(LiveResults.TURNOUT);
    assertThat(load("pollcast.polls.live-results = false").polls().liveResults())
        .isEqualTo(LiveResults.OFF);
    assertThatThrownBy(() -> load("pollcast.polls.live-results = sometimes"))
        .hasMessageContaining("pollcast.polls.live-results")
        .hasMessageContaining("true, false or turnout");
  }

  @Test
  void missingFileIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope.conf");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(missing), Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("nope.conf");
  }

  @Test
  void secretsComeFromTheEnvironmentAndAreNeverPrinted() {
    String token = "discord-token-that-must-not-leak";
    PollcastConfig config =
        ConfigLoader.load(
            ConfigFactory.empty(),
            Map.of("DISCORD_TOKEN", token, "POLLCAST_DB_PASSWORD", "db-secret-value"));

    assertThat(config.secrets().discordToken()).contains(token);
    assertThat(config.storage().password()).isEqualTo("db-secret-value");
    assertThat(config.toString()).doesNotContain(token).doesNotContain("db-secret-value");
  }

  @Test
  void listsAreImmutable() {
    PollcastConfig config = load("pollcast.console.hosts = [anna, bert]");
    assertThat(config.console().hosts()).containsExactlyInAnyOrder("anna", "bert");
    assertThatThrownBy(() -> config.polls().defaultOptions().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(List.copyOf(config.polls().defaultOptions())).hasSize(2);
  }

  @Test
  void retentionDefaultsToThirtyDaysAndMustNotBeNegative() {
    assertThat(load("").privacy().retention()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(load("pollcast.privacy.retention = 0d").privacy().retention()).isZero();
    assertThat(load("pollcast.privacy.retention = 12h").privacy().retention())
        .isEqualTo(java.time.Duration.ofHours(12));
    assertThatThrownBy(() -> load("pollcast.privacy.retention = -1d"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.privacy.retention");
    assertThatThrownBy(() -> load("pollcast.privacy.retention = forever"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("privacy.retention");
  }

  @Test
  void theVoterKeyLivesBesideTheH2DatabaseUnlessAFileIsGiven() {
    assertThat(load("").privacy().keyFile()).contains(Path.of("./data/voter.key"));
    assertThat(
            load("pollcast.storage.url = \"jdbc:h2:file:/srv/pollcast/db/bot;AUTO_SERVER=TRUE\"")
                .privacy()
                .keyFile())
        .contains(Path.of("/srv/pollcast/db/voter.key"));
    assertThat(load("pollcast.storage.url = \"jdbc:h2:./bot\"").privacy().keyFile())
        .contains(Path.of("./voter.key"));
    assertThat(load("pollcast.storage.url = \"jdbc:postgresql://db/pollcast\"").privacy().keyFile())
        .isEmpty();
    assertThat(load("pollcast.storage.url = \"jdbc:h2:mem:x\"").privacy().keyFile()).isEmpty();
    assertThat(
            load("pollcast.storage.url = \"jdbc:postgresql://db/pollcast\"\n"
                    + "pollcast.privacy.key-file = \"/etc/pollcast/voter.key\"")
                .privacy()
                .keyFile())
        .contains(Path.of("/etc/pollcast/voter.key"));
  }

  @Test
  void adminEndpointsAreOffUnlessAPortIsGivenAndStayOnThisMachine() {
    assertThat(load("").admin())
        .isEqualTo(new AdminConfig(java.util.OptionalInt.empty(), "127.0.0.1"));
    assertThat(load("pollcast.admin.port = 9090").admin().port()).hasValue(9090);
    assertThat(load("pollcast.admin.port = 0").admin().port()).hasValue(0);
    assertThatThrownBy(() -> load("pollcast.admin.port = 70000"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.admin.port");
    assertThatThrownBy(() -> load("pollcast.admin.port = on"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.admin.port");
    assertThatThrownBy(
            () ->
                load(
                    "pollcast.slack.mode = http\npollcast.slack.port = 9090\npollcast.admin.port = 9090"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("other than pollcast.slack.port");
  }

  @Test
  void logsAreTextUnlessJsonIsAskedFor() {
    assertThat(load("").logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(load("pollcast.log.format = json").logFormat()).isEqualTo(LogFormat.JSON);
    assertThatThrownBy(() -> load("pollcast.log.format = xml"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.log.format");
  }

  @Test
  void shutdownGraceDefaultsToTenSecondsAndIsBounded() {
    assertThat(load("").shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(load("pollcast.shutdown-grace = 0s").shutdownGrace()).isZero();
    assertThatThrownBy(() -> load("pollcast.shutdown-grace = 6m"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.shutdown-grace")
        .hasMessageContaining("0s to 5m");
  }

  @Test
  void slackEndpointListensEverywhereWithBoundedClientsUnlessToldOtherwise() {
    SlackConfig slack = load("").slack();

    assertThat(slack.bind()).isEqualTo("0.0.0.0");
    assertThat(slack.limits())
        .isEqualTo(
            new WebServerLimits(
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), 256, 32));
    assertThat(load("pollcast.slack.bind = \"127.0.0.1\"").slack().bind()).isEqualTo("127.0.0.1");
  }

  @Test
  void badBindAddressAndLimitsAreRefusedByName() {
    assertThatThrownBy(() -> load("pollcast.slack.bind = \"local host\""))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.slack.bind");
    assertThatThrownBy(() -> load("pollcast.slack.server.header-timeout = 0s"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.slack.server.header-timeout");
    assertThatThrownBy(() -> load("pollcast.slack.server.max-connections-per-address = 0"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.slack.server.max-connections-per-address");
  }

  @Test
  void oneShardIsTheDefaultAndARangeOfShardsIsChecked() {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of()).discord().shards())
        .isEqualTo(DiscordShards.ONE);
    assertThat(load("pollcast.discord.shards { total = 8, run = \"4-7\" }").discord().shards())
        .isEqualTo(new DiscordShards(8, 4, 7));
    assertThat(load("pollcast.discord.shards.total = 2").discord().shards())
        .isEqualTo(new DiscordShards(2, 0, 1));
    assertThatThrownBy(() -> load("pollcast.discord.shards { total = 4, run = \"3-4\" }"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.discord.shards.run")
        .hasMessageContaining("first-last");
    assertThatThrownBy(() -> load("pollcast.discord.shards.total = 0"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("pollcast.discord.shards.total");
  }

  private static PollcastConfig load(String hocon) {
    return ConfigLoader.load(ConfigFactory.parseString(hocon), Map.of());
  }

  @Test
  void feedIsOffByDefaultAndReadsItsChannels() {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of()).feed().url()).isEmpty();

    FeedConfig feed =
        load("pollcast.feed { url = \"https://example.org/feed.xml\", interval = 5m,"
                + " auto-start = true, channels = [\"discord:123\", \"console:console\"] }")
            .feed();

    assertThat(feed.url()).hasValueSatisfying(u -> assertThat(u).hasHost("example.org"));
    assertThat(feed.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(feed.autoStart()).isTrue();
    assertThat(feed.channels())
        .containsExactly(new FeedChannel("discord", "123"), new FeedChannel("console", "console"));
  }

  @Test
  void feedSettingsThatCannotWorkAreRefusedByName() {
    assertThatThrownBy(() -> load("pollcast.feed.url = \"ftp://example.org/feed\""))
        .hasMessageContaining("pollcast.feed.url");
    assertThatThrownBy(() -> load("pollcast.feed.interval = 10s"))
        .hasMessageContaining("pollcast.feed.interval");
    assertThatThrownBy(() -> load("pollcast.feed.notify = [\"teams:general\"]"))
        .hasMessageContaining("pollcast.feed.notify");
    assertThatThrownBy(() -> load("pollcast.feed.auto-start = true"))
        .hasMessageContaining("pollcast.feed.channels");
  }
}
