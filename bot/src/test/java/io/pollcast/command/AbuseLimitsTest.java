package io.pollcast.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.domain.VoteOutcome.Status;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.poll.VoteReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member's burst of clicks, oversized imports, and local files asked for from a platform. */
final class AbuseLimitsTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));
  private static final Actor ANNA = new Actor(Platform.CONSOLE, "anna", "anna", Set.of());
  private static final int BURST = 500;

  private final Pollcast pollcast =
      Pollcast.open(
          TestSettings.inMemory(Map.of()),
          TestSettings.key(),
          Clock.systemUTC(),
          Map.of(
              Platform.CONSOLE,
              new RecordingPublisher(),
              Platform.SLACK,
              new RecordingPublisher()));
  private final ExecutorService clicks = Executors.newFixedThreadPool(16);

  @AfterEach
  void close() throws InterruptedException {
    clicks.shutdown();
    assertThat(clicks.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    pollcast.close();
  }

  private void start() {
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    pollcast.service().start(HOST, Place.CONSOLE, 68, Optional.empty());
  }

  /** Sends {@code BURST} copies of the same request from many threads at once. */
  private <T> List<T> burst(Function<Integer, CompletableFuture<T>> request) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<T>> sent = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      int n = i;
      sent.add(
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    return request.apply(n);
                  },
                  clicks)
              .thenCompose(answer -> answer));
    }
    go.countDown();
    List<T> answers = new ArrayList<>();
    for (var future : sent) {
      answers.add(future.get(30, TimeUnit.SECONDS));
    }
    return answers;
  }

  @Test
  void fiveHundredIdenticalClicksAtOnceCountOnceAndAreAllAnswered() throws Exception {
    start();
    long poll = pollcast.service().pollIn(Place.CONSOLE, 68, 1).orElseThrow().pollId();

    List<VoteReply> replies = burst(n -> pollcast.votes().vote(ANNA, Place.CONSOLE, poll, 0));

    Map<Status, Long> statuses =
        replies.stream()
            .collect(Collectors.groupingBy(r -> r.result().status(), Collectors.counting()));
    assertThat(statuses)
        .containsOnly(Map.entry(Status.COUNTED, 1L), Map.entry(Status.UNCHANGED, 499L));
    assertThat(pollcast.service().results(68).theses().get(0).options())
        .extracting(OptionResult::votes)
        .containsExactly(1, 0);
    assertThat(pollcast.database().polls().counterDifferences()).isEmpty();
  }

  @Test
  void aBurstOfTypedVotesGetsAReplyEachAndCountsOnce() throws Exception {
    start();

    List<String> replies =
        burst(n -> pollcast.handler().handleLine(ANNA, Place.CONSOLE, "/vote 68.2 Oneens"));

    assertThat(replies).hasSize(BURST).allSatisfy(r -> assertThat(r).isNotBlank());
    assertThat(replies).filteredOn(r -> r.startsWith("Je stem telt")).hasSize(1);
    assertThat(replies).filteredOn(r -> r.contains("telde al")).hasSize(BURST - 1);
    assertThat(pollcast.service().results(68).theses().get(1).voters()).isEqualTo(1);
  }

  @Test
  void anOversizedUploadIsRefusedWithTheLimit() {
    byte[] huge =
        ("68\n\nTitel\n\nStelling 1: " + "a".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);

    String reply = pollcast.handler().importContent(HOST, huge, "huge.txt");

    assertThat(reply)
        .startsWith("Importeren mislukt: huge.txt: is te groot (1.0 MiB)")
        .contains("hoogstens 1 MiB");
    assertThat(pollcast.service().episodes()).isEmpty();
  }

  @Test
  void anUploadFromSomeoneWithoutTheRoleIsRefusedBeforeItIsRead() {
    byte[] huge = new byte[2 * 1024 * 1024];

    assertThat(pollcast.handler().importContent(ANNA, huge, "huge.txt"))
        .isEqualTo("Alleen hosts mogen dat doen.");
  }

  @Test
  void aHostOnAPlatformCannotMakeTheBotReadLocalFiles(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("voter.key");
    Files.writeString(keyFile, TestSettings.VOTER_KEY + "\n");
    Actor slackHost = new Actor(Platform.SLACK, "U1", "host", Set.of(Role.HOST));

    String reply =
        pollcast
            .handler()
            .handleLine(slackHost, new Place(Platform.SLACK, "C1"), "/poll import " + keyFile)
            .join();
    String console =
        pollcast.handler().handleLine(HOST, Place.CONSOLE, "/poll import " + keyFile).join();

    assertThat(reply).isEqualTo("Dat commando werkt hier niet.");
    assertThat(console).startsWith("Importeren mislukt");
    assertThat(pollcast.service().episodes()).isEmpty();
  }
}
