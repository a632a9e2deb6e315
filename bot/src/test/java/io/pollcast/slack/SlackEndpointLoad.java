package io.pollcast.slack;

import static io.pollcast.slack.SlackHarness.HOST;

import io.pollcast.slack.SignedActions.Signed;
import io.pollcast.slack.fake.SignedRequest;
import io.pollcast.slack.fake.SlackMessage;
import io.pollcast.storage.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The load check of the HTTP endpoint for BENCHMARKS.md, not part of the test suite: {@value
 * #CLICKS} signed clicks from as many members, {@value #CONCURRENCY} at a time, while {@value
 * #SLOW} clients trickle headers or bodies (and are replaced as the server cuts them off). Prints
 * the figures. Run it as BENCHMARKS.md says.
 */
final class SlackEndpointLoad {
  private static final int CLICKS = 500;
  private static final int CONCURRENCY = 50;
  private static final int SLOW = 8;
  private static final String CHANNEL = "C0LOAD";

  private SlackEndpointLoad() {}

  public static void main(String[] args) throws Exception {
    Map<String, Object> settings = Map.of("pollcast.slack.server.max-connections-per-address", 128);
    try (SlackHarness harness = SlackHarness.httpMode(settings)) {
      harness.importExample();
      SignedActions users = new SignedActions(harness, CHANNEL);
      users.command(HOST, "start 68").request().postTo(harness.endpoint());
      SlackMessage poll = harness.awaitMessages(CHANNEL, 3).get(0);
      List<Signed> clicks = new ArrayList<>();
      for (int i = 0; i < CLICKS; i++) {
        clicks.add(users.click(poll, String.format("U0LOAD%04d", i), i % 2));
      }
      ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
      List<SlowClient> slow = Collections.synchronizedList(new ArrayList<>());
      int port = harness.endpoint().getPort();
      SignedRequest signed = users.command(HOST, "tally 68").request();
      String headers =
          "POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Slack-Request-Timestamp: "
              + signed.timestamp()
              + "\r\nX-Slack-Signature: "
              + signed.signature()
              + "\r\nContent-Length: "
              + signed.body().length()
              + "\r\n\r\n";
      int[] cutOff = new int[1];
      Runnable keepSlowClients =
          () -> {
            try {
              synchronized (slow) {
                cutOff[0] += (int) slow.stream().filter(SlowClient::closedByServer).count();
                slow.removeIf(SlowClient::closedByServer);
                while (slow.size() < SLOW) {
                  slow.add(
                      slow.size() % 2 == 0
                          ? SlowClient.start(port, "", headers, ticks, 100)
                          : SlowClient.start(port, headers, signed.body(), ticks, 100));
                }
              }
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      keepSlowClients.run();
      var unused =
          ticks.scheduleWithFixedDelay(
              keepSlowClients, 200, 200, java.util.concurrent.TimeUnit.MILLISECONDS);

      ExecutorService senders = Executors.newFixedThreadPool(CONCURRENCY);
      long start = System.nanoTime();
      List<Future<long[]>> sent = new ArrayList<>();
      for (Signed click : clicks) {
        sent.add(
            senders.submit(
                () -> {
                  long t0 = System.nanoTime();
                  int status = click.request().postTo(harness.endpoint()).statusCode();
                  return new long[] {System.nanoTime() - t0, status};
                }));
      }
      List<Long> latencies = new ArrayList<>();
      int ok = 0;
      for (Future<long[]> result : sent) {
        long[] r = result.get();
        latencies.add(r[0]);
        ok += r[1] == 200 ? 1 : 0;
      }
      long acked = System.nanoTime() - start;
      Await.until(
          Duration.ofSeconds(60),
          () ->
              clicks.stream()
                  .allMatch(
                      c -> !harness.slack.workspace().responsePosts(c.responseUrl()).isEmpty()),
          () -> "every click answered");
      long answered = System.nanoTime() - start;
      senders.shutdown();
      ticks.shutdownNow();
      harness.stopBot();
      int counted = harness.results(68).theses().get(0).voters();
      Collections.sort(latencies);
      System.out.printf(
          "%d signed clicks, %d at a time, %d slow clients kept connected (%d cut off and replaced)%n"
              + "200 answers: %d; all acknowledged in %.2f s (%.0f clicks/s); all answered to the"
              + " voter in %.2f s; votes counted: %d%n"
              + "acknowledgement latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          CLICKS,
          CONCURRENCY,
          SLOW,
          cutOff[0],
          ok,
          acked / 1e9,
          CLICKS / (acked / 1e9),
          answered / 1e9,
          counted,
          millis(latencies, 0.50),
          millis(latencies, 0.99),
          latencies.get(latencies.size() - 1) / 1e6);
      for (SlowClient client : slow) {
        client.close();
      }
    }
  }

  private static double millis(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1e6;
  }
}
