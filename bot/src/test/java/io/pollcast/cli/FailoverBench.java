package io.pollcast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pollcast.discord.fake.FakeInteraction;
import io.pollcast.discord.fake.FakeMember;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.storage.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures several Pollcast processes on one PostgreSQL database (run by {@code
 * scripts/bench-instances}, not by the tests): the failover time of the Discord gateway over
 * {@value #KILLS} kills with SIGKILL in the middle of a burst of clicks (median and worst), the
 * share of clicks that got no acknowledgement, whether any acknowledged vote was lost, and the
 * Slack votes per second that two processes take against one. Prints a Markdown section for
 * BENCHMARKS.md.
 */
public final class FailoverBench {
  private static final int KILLS = 5;
  private static final int BEFORE_KILL = 90;
  private static final int KILL_AFTER = 30;
  private static final int AFTER_KILL = 30;
  private static final int SLACK_VOTES = 1_500;
  private static final int SLACK_CLIENTS = 16;

  private FailoverBench() {}

  /** Runs the measurements on the PostgreSQL server that POLLCAST_TEST_POSTGRES_URL names. */
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("pollcast-instances-bench");
    int perRound = BEFORE_KILL + AFTER_KILL;
    try (Instances instances = Instances.start(dir, perRound * KILLS)) {
      List<Instances.Bot> live = new ArrayList<>();
      live.add(instances.startBot());
      live.add(instances.startBot());
      FakeInteraction start =
          instances.discord.slashCommand(
              instances.guild.member("hana"), "poll", "start", Map.of("episode", 68));
      instances.discord.awaitAnswer(start, Instances.WAIT);
      FailoverDrill drill =
          new FailoverDrill(instances, FailoverDrill.pollMessages(instances.discord, 3));

      List<Long> takeovers = new ArrayList<>();
      int clicks = 0;
      int unanswered = 0;
      List<FailoverDrill.Click> acknowledged = new ArrayList<>();
      for (int kill = 0; kill < KILLS; kill++) {
        Instances.Bot holder =
            live.stream().filter(Instances.Bot::onDiscord).reduce((a, b) -> b).orElseThrow();
        List<FakeMember> voters = new ArrayList<>();
        for (int i = kill * perRound; i < (kill + 1) * perRound; i++) {
          voters.add(instances.guild.member("voter" + i));
        }
        FailoverDrill.Round round =
            drill.run(
                holder,
                voters.subList(0, BEFORE_KILL),
                KILL_AFTER,
                voters.subList(BEFORE_KILL, perRound));
        live.remove(holder);
        takeovers.add(round.takeover().toMillis());
        clicks += round.sent().size() + round.undelivered();
        unanswered += round.unanswered();
        acknowledged.addAll(round.acknowledged());
        System.err.printf(
            "kill %d: takeover %d ms, %d of %d clicks unanswered%n",
            kill + 1,
            round.takeover().toMillis(),
            round.unanswered(),
            round.sent().size() + round.undelivered());
        awaitOnDiscord(live);
        live.add(instances.startBot());
      }
      List<Long> sorted = new ArrayList<>(takeovers);
      Collections.sort(sorted);

      postSlackStart(instances, live.get(0));
      List<SlackMessage> slackPolls = instances.slackPolls(3);
      // a first round warms both processes up; then one process alone, then both
      double unused = slackVotesPerSecond(instances, slackPolls, live, "warm");
      double oneProcess = slackVotesPerSecond(instances, slackPolls, List.of(live.get(0)), "one");
      double twoProcesses = slackVotesPerSecond(instances, slackPolls, live, "two");

      System.out.printf(
          """
          ## Several instances (%s)

          Two bot processes on one PostgreSQL server, the fake Discord and the fake Slack on the same
          machine (`scripts/bench-instances`).

          | Figure | Value |
          | --- | --- |
          | Failover time of the Discord gateway, SIGKILL to the standby's session (%d kills) | median %.1f s, worst %.1f s (all: %s ms) |
          | Clicks without an acknowledgement during the kills | %d of %d (%.1f %%): in flight on the killed process |
          | Acknowledged votes lost | %d of %d |
          | Slack votes per second (HTTP mode, %d clicks from %d clients), two processes | %.0f |
          | The same, one process | %.0f |
          """,
          java.time.LocalDate.now(),
          KILLS,
          sorted.get(sorted.size() / 2) / 1000.0,
          sorted.get(sorted.size() - 1) / 1000.0,
          takeovers,
          unanswered,
          clicks,
          100.0 * unanswered / clicks,
          InstancesVotes.missing(instances, acknowledged).size(),
          acknowledged.size(),
          SLACK_VOTES,
          SLACK_CLIENTS,
          twoProcesses,
          oneProcess);
    }
  }

  private static void awaitOnDiscord(List<Instances.Bot> live) {
    Await.until(
        Instances.WAIT,
        () -> live.stream().anyMatch(Instances.Bot::onDiscord),
        () -> "a process on Discord");
  }

  private static void postSlackStart(Instances instances, Instances.Bot bot) throws Exception {
    instances
        .slackRequests
        .slashCommand(Instances.SLACK_CHANNEL, Instances.SLACK_HOST, "/poll", "start 68")
        .postTo(bot.slackEndpoint());
  }

  /** Clicks from new users spread over the processes; votes per second until all are answered. */
  private static double slackVotesPerSecond(
      Instances instances, List<SlackMessage> polls, List<Instances.Bot> bots, String run)
      throws Exception {
    int answeredBefore = instances.slack.workspace().responsePosts().size();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(SLACK_CLIENTS);
    long started = System.nanoTime();
    List<Future<?>> sending = new ArrayList<>();
    for (int c = 0; c < SLACK_CLIENTS; c++) {
      sending.add(
          clients.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < SLACK_VOTES; n = next.getAndIncrement()) {
                  SlackMessage poll = polls.get(n % polls.size());
                  String actionId = "vote:" + (n % 2);
                  JsonNode payload =
                      instances
                          .slack
                          .payloads()
                          .blockAction(
                              "U" + run.toUpperCase() + n,
                              poll.channel(),
                              poll.ts(),
                              actionId,
                              Instances.buttonValue(poll, actionId));
                  instances
                      .slackRequests
                      .interaction(payload)
                      .postTo(bots.get(n % bots.size()).slackEndpoint());
                }
                return null;
              }));
    }
    for (Future<?> send : sending) {
      send.get();
    }
    clients.shutdown();
    Await.until(
        Duration.ofMinutes(5),
        () -> instances.slack.workspace().responsePosts().size() >= answeredBefore + SLACK_VOTES,
        () -> "every Slack click answered");
    return SLACK_VOTES / (Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
  }
}
