package io.pollcast.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Reason;
import io.pollcast.domain.Role;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.storage.AuditEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reasons typed in the console: given, replaced, removed, listed, featured, hidden, forgotten. */
final class ReasonCommandsTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "Hanna", Set.of(Role.HOST));
  private static final Actor MOD = new Actor(Platform.CONSOLE, "m", "Mo", Set.of(Role.MODERATOR));
  private static final Actor ANNA = new Actor(Platform.CONSOLE, "anna", "anna", Set.of());
  private static final Actor BERT = new Actor(Platform.CONSOLE, "bert", "bert", Set.of());

  private final RecordingPublisher channel = new RecordingPublisher();
  private final Pollcast pollcast =
      Pollcast.open(
          TestSettings.inMemory(Map.of()),
          TestSettings.key(),
          Clock.systemUTC(),
          Map.of(Platform.CONSOLE, channel));

  @AfterEach
  void close() {
    pollcast.close();
  }

  private String say(Actor actor, String line) {
    return pollcast.handler().handleLine(actor, Place.CONSOLE, line).join();
  }

  private String text(String key, Object... arguments) {
    return pollcast.texts().messages().get(key, arguments);
  }

  private List<String> reasons() {
    return pollcast.reasons().all(68, 1).stream().map(Reason::text).toList();
  }

  private void start(String extra) {
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    say(HOST, "/poll start 68" + extra);
  }

  @Test
  void aVoterGivesReplacesAndRemovesTheirReason() {
    start("");
    assertThat(say(ANNA, "/why 68.1 Omdat")).isEqualTo(text("reason.no-vote", "68.1"));
    say(ANNA, "/vote 68.1 Eens");

    assertThat(say(ANNA, "/why 68.1 Omdat personalisatie werkt"))
        .isEqualTo(text("reason.given", "68.1"));
    assertThat(say(ANNA, "/why 68.1 Omdat het loont")).isEqualTo(text("reason.replaced", "68.1"));
    assertThat(reasons()).containsExactly("Omdat het loont");
    assertThat(say(ANNA, "/why 68.1")).isEqualTo(text("reason.usage"));
    assertThat(say(ANNA, "/why 68.1 -")).isEqualTo(text("reason.removed", "68.1"));
    assertThat(say(ANNA, "/why 68.1 -")).isEqualTo(text("reason.none", "68.1"));
    assertThat(reasons()).isEmpty();
  }

  @Test
  void anOverLongReasonIsRefusedWithTheLimitAndTheEarlierOneStays() {
    start("");
    say(ANNA, "/vote 68.1 Eens");
    say(ANNA, "/why 68.1 Kort");
    String tooLong = "x".repeat(281);

    String reply = say(ANNA, "/why 68.1 " + tooLong);

    assertThat(reply).contains("281").contains("280").contains(tooLong);
    assertThat(say(ANNA, "/why 68.1 " + "y".repeat(5_000))).contains("5000").contains("280");
    assertThat(reasons()).containsExactly("Kort");
  }

  @Test
  void hostileTextIsCleanedAndNeverPingsInTheListOrTheAnnouncement() {
    start("");
    say(ANNA, "/vote 68.1 Eens");
    say(ANNA, "/why 68.1 <@123> @everyone\u200B **vet**\u0007\u202E `code`\n# kop\t\tnu");

    assertThat(reasons()).containsExactly("<@123> @everyone **vet** `code` # kop nu");
    String list = say(MOD, "/poll reasons 68.1");
    long id = pollcast.reasons().all(68, 1).get(0).id();
    say(MOD, "/poll feature 68.1 R" + id);
    say(HOST, "/poll close 68");
    String announcement = pollcast.texts().announcement(channel.announced.get(0));

    for (String shown : List.of(list, announcement)) {
      assertThat(shown)
          .contains("@\u200Beveryone", "<\u200B@123>", "'code'")
          .doesNotContain("<@123>", "\u0007", "\u202E");
    }
    assertThat(announcement).contains(text("results.featured"));
  }

  @Test
  void moderatorsListFeatureAndHideWhileAMemberIsRefused() {
    start("");
    for (String voter : List.of("a", "b", "c", "d", "e")) {
      Actor member = new Actor(Platform.CONSOLE, voter, voter, Set.of());
      say(member, "/vote 68.1 Oneens");
      say(member, "/why 68.1 Reden van " + voter);
    }
    List<Long> ids = pollcast.reasons().all(68, 1).stream().map(Reason::id).toList();

    assertThat(say(ANNA, "/poll reasons 68.1")).isEqualTo(text("refused.reasons"));
    assertThat(say(ANNA, "/poll feature 68.1 R" + ids.get(0))).isEqualTo(text("refused.reasons"));
    assertThat(say(MOD, "/poll reasons 68.1"))
        .startsWith(text("reasons.title", "68.1", 5))
        .containsSubsequence("R" + ids.get(0), "Reden van e", "R" + ids.get(4), "Reden van a")
        .doesNotContain("anna");
    for (int i = 0; i < 3; i++) {
      assertThat(say(MOD, "/poll feature 68.1 R" + ids.get(i)))
          .isEqualTo(text("reason.set.FEATURED", "R" + ids.get(i), "68.1"));
    }
    assertThat(say(HOST, "/poll feature 68.1 R" + ids.get(3)))
        .isEqualTo(text("reason.too-many", 3));
    assertThat(say(MOD, "/poll hide 68.1 " + ids.get(4)))
        .isEqualTo(text("reason.set.HIDDEN", "R" + ids.get(4), "68.1"));
    assertThat(say(MOD, "/poll show 68.1 R" + ids.get(0))).contains("R" + ids.get(0));
    assertThat(say(MOD, "/poll hide 68.2 R" + ids.get(1)))
        .isEqualTo(text("reason.unknown", "R" + ids.get(1), "68.2"));

    say(MOD, "/poll tally 68");
    assertThat(say(MOD, "/poll tally 68"))
        .contains("Reden van d", "Reden van c")
        .doesNotContain("Reden van e", "Reden van a");
    assertThat(pollcast.service().audit().entries())
        .filteredOn(e -> e.action().equals("feature") || e.action().equals("hide"))
        .extracting(AuditEntry::displayName)
        .containsExactly("Mo", "Mo", "Mo", "Mo");
  }

  @Test
  void inADebateAReasonCountsForTheOpenRound() {
    start(" debate");
    say(ANNA, "/vote 68.1 Eens");
    assertThat(say(ANNA, "/why 68.1 Eerst dit")).contains(text("round.before"));
    say(HOST, "/poll after 68");

    assertThat(say(ANNA, "/why 68.1 Nu dit"))
        .isEqualTo(
            text("reason.no-vote", "68.1") + " " + text("vote.in-round", text("round.after")));
    say(ANNA, "/vote 68.1 Oneens");
    assertThat(say(ANNA, "/why 68.1 Nu dit")).contains(text("round.after"));
    assertThat(pollcast.reasons().all(68, 1))
        .extracting(r -> r.round().orElseThrow().name() + ":" + r.text())
        .containsExactly("AFTER:Nu dit", "BEFORE:Eerst dit");
  }

  @Test
  void myDataShowsTheReasonsAndForgetMeRemovesThem() {
    start("");
    say(ANNA, "/vote 68.1 Eens");
    say(ANNA, "/why 68.1 Mijn reden");
    say(BERT, "/vote 68.1 Oneens");
    say(BERT, "/why 68.1 Die van Bert");

    assertThat(say(ANNA, "/poll my-data")).contains("Mijn reden").doesNotContain("Bert");
    assertThat(say(ANNA, "/poll forget-me")).contains(text("forget-me.reasons", 1));
    assertThat(reasons()).containsExactly("Die van Bert");
    assertThat(say(ANNA, "/poll my-data")).doesNotContain("Mijn reden");
  }

  @Test
  void aBurstOfOneMembersReasonsLeavesOneAndAnswersEach() throws Exception {
    start("");
    say(ANNA, "/vote 68.1 Eens");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        replies.add(
            CompletableFuture.supplyAsync(() -> say(ANNA, "/why 68.1 Reden " + n), threads));
      }
      for (CompletableFuture<String> reply : replies) {
        assertThat(reply.get(30, TimeUnit.SECONDS))
            .isIn(text("reason.given", "68.1"), text("reason.replaced", "68.1"));
      }
    } finally {
      threads.shutdown();
      assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(reasons()).hasSize(1);
    assertThat(pollcast.service().results(68).theses().get(0).voters()).isEqualTo(1);
    assertThat(Optional.of(reasons().get(0))).get().asString().startsWith("Reden ");
  }
}
