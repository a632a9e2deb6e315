package io.pollcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.config.ConfigLoader;
import io.pollcast.discord.fake.FakeInteraction;
import io.pollcast.discord.fake.FakeMember;
import io.pollcast.slack.fake.SignedRequest;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.storage.Await;
import io.pollcast.storage.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two bot processes on one PostgreSQL database, against the fake Discord and the fake Slack: the
 * one holding the Discord gateway is killed with SIGKILL in the middle of a burst of clicks and the
 * other takes over; every acknowledged vote is counted once, both processes answer Slack with the
 * same tally, a Slack retry that lands on the other process is carried out once, a scheduled close
 * fires once with two processes running, each channel gets one announcement, and {@code pollcast
 * verify} is clean.
 */
final class InstancesTest {
  private static final Logger LOG = LoggerFactory.getLogger(InstancesTest.class);
  private static final int VOTERS = 90;
  private static final int BEFORE_KILL = 60;
  private static final int KILL_AFTER = 20;

  @Test
  void aKilledGatewayHolderCostsSecondsAndNothingIsDoneTwice(@TempDir Path dir) throws Exception {
    try (Instances instances = Instances.start(dir, VOTERS)) {
      // given two processes, one connected to Discord and one standing by
      Instances.Bot first = instances.startBot();
      Instances.Bot second = instances.startBot();
      assertThat(first.onDiscord()).isTrue();
      assertThat(second.onDiscord()).isFalse();

      // the host starts episode 68 on Discord and on Slack (through the standby)
      FakeInteraction start =
          instances.discord.slashCommand(
              instances.guild.member("hana"), "poll", "start", Map.of("episode", 68));
      assertThat(instances.discord.awaitAnswer(start, Instances.WAIT).content())
          .startsWith("Episode 68: posted 3");
      List<FailoverDrill.PollMessage> discordPolls =
          FailoverDrill.pollMessages(instances.discord, 3);
      postSlack(instances, second, slashCommand(instances, "start 68"));
      List<SlackMessage> slackPolls = instances.slackPolls(3);

      // a Slack click on one process, and Slack's retry of it, signed anew, on the other
      JsonNode clickPayload = slackClick(instances, slackPolls.get(0), "U0ANNA", 1);
      SignedRequest click = instances.slackRequests.interaction(clickPayload);
      assertThat(postSlack(instances, first, click)).isEqualTo(200);
      assertThat(
              postSlack(
                  instances,
                  second,
                  click.signedAt(Instant.now().plusSeconds(1)).withRetry(1, "http_timeout")))
          .isEqualTo(200);
      assertThat(instances.slackAnswer(clickPayload.path("response_url").asText()))
          .startsWith("Your vote counts: Oneens (thesis 68.1).");

      // when the gateway holder is killed mid-burst
      List<FakeMember> voters =
          IntStream.range(0, VOTERS).mapToObj(i -> instances.guild.member("voter" + i)).toList();
      FailoverDrill.Round round =
          new FailoverDrill(instances, discordPolls)
              .run(
                  first,
                  voters.subList(0, BEFORE_KILL),
                  KILL_AFTER,
                  voters.subList(BEFORE_KILL, VOTERS));
      LOG.info(
          "Failover: the standby took the gateway over {} ms after the kill; {} of {} clicks"
              + " acknowledged, {} made while no process was connected",
          round.takeover().toMillis(),
          round.acknowledged().size(),
          round.sent().size() + round.undelivered(),
          round.undelivered());
      System.out.println("Failover time: " + round.takeover().toMillis() + " ms");

      // then the standby took over within 15 s and answers every click made after the takeover
      assertThat(round.takeover()).isLessThan(Duration.ofSeconds(15));
      assertThat(round.acknowledged().size()).isGreaterThanOrEqualTo(KILL_AFTER + 30);

      // the killed process comes back as the standby; both answer Slack with the same tally
      Instances.Bot back = instances.startBot();
      assertThat(back.onDiscord()).isFalse();
      assertThat(slackTally(instances, second)).isEqualTo(slackTally(instances, back));

      // a scheduled close with two processes running fires once, with one announcement a channel
      String schema = closeSoon(instances);
      Await.until(
          Instances.WAIT,
          () -> announcements(instances).equals(List.of("DONE/1", "DONE/1")),
          () -> "two announcements delivered at the first attempt: " + announcements(instances));
      assertThat(announcements(instances)).containsExactly("DONE/1", "DONE/1");

      second.process().terminate();
      back.process().terminate();
      assertThat(second.process().awaitExit(Duration.ofSeconds(60))).isZero();
      assertThat(back.process().awaitExit(Duration.ofSeconds(60))).isZero();
      assertThat(instances.slack.workspace().messages(Instances.SLACK_CHANNEL))
          .as("three polls and one announcement on Slack")
          .hasSize(4);

      // every acknowledged vote is stored once, with its option, and the counters are a recount
      assertThat(InstancesVotes.missing(instances, round.acknowledged())).isEmpty();
      CliRun verify = CliRun.of(instances.env, "", "verify");
      assertThat(verify.exitCode()).as(verify.out() + verify.err() + schema).isZero();
    }
  }

  private static SignedRequest slashCommand(Instances instances, String text) {
    return instances.slackRequests.slashCommand(
        Instances.SLACK_CHANNEL, Instances.SLACK_HOST, "/poll", text);
  }

  private static JsonNode slackClick(
      Instances instances, SlackMessage poll, String user, int option) {
    String actionId = "vote:" + option;
    return instances
        .slack
        .payloads()
        .blockAction(
            user, poll.channel(), poll.ts(), actionId, Instances.buttonValue(poll, actionId));
  }

  private static int postSlack(Instances instances, Instances.Bot bot, SignedRequest request)
      throws Exception {
    return request.postTo(bot.slackEndpoint()).statusCode();
  }

  /** The host's {@code /poll tally 68} on Slack, through one process. */
  private static String slackTally(Instances instances, Instances.Bot bot) throws Exception {
    Map<String, String> fields =
        instances
            .slack
            .payloads()
            .slashCommand(Instances.SLACK_CHANNEL, Instances.SLACK_HOST, "/poll", "tally 68");
    assertThat(postSlack(instances, bot, instances.slackRequests.form(fields))).isEqualTo(200);
    return instances.slackAnswer(fields.get("response_url"));
  }

  /** Brings the closing time of every open poll to a few seconds from now. */
  private static String closeSoon(Instances instances) {
    try (Database db = open(instances)) {
      db.jdbi()
          .useHandle(
              h ->
                  h.execute(
                      "UPDATE poll SET closes_at = CURRENT_TIMESTAMP + INTERVAL '2 seconds'"
                          + " WHERE state = 'OPEN'"));
      return db.jdbi()
          .withHandle(h -> h.createQuery("SELECT current_schema()").mapTo(String.class).one());
    }
  }

  /** Each announcement's state and attempts, as {@code DONE/1}. */
  private static List<String> announcements(Instances instances) {
    try (Database db = open(instances)) {
      return db.jdbi()
          .withHandle(
              h ->
                  h.createQuery("SELECT state || '/' || attempts FROM announcement ORDER BY id")
                      .mapTo(String.class)
                      .list());
    }
  }

  private static Database open(Instances instances) {
    return Database.open(ConfigLoader.load(Optional.empty(), instances.env).storage());
  }
}
