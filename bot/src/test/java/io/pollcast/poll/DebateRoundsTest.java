package io.pollcast.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollcast.BundledEpisodes;
import io.pollcast.Pollcast;
import io.pollcast.TestClock;
import io.pollcast.TestSettings;
import io.pollcast.config.ConfigLoader;
import io.pollcast.domain.Actor;
import io.pollcast.domain.DebateResult;
import io.pollcast.domain.HostStance;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.OptionShift;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.Role;
import io.pollcast.domain.Round;
import io.pollcast.domain.ThesisResult;
import io.pollcast.domain.VoteOutcome.Status;
import io.pollcast.privacy.ForgetReport;
import io.pollcast.privacy.Retention;
import io.pollcast.storage.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Debates through the poll service: two rounds, the shift, the switch, stances, retention. */
final class DebateRoundsTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "Hanna", Set.of(Role.HOST));
  private static final Instant START = Instant.parse("2026-11-29T20:00:00Z");

  private final TestClock clock = new TestClock(START);
  private final RecordingPublisher publisher = new RecordingPublisher();
  private Pollcast pollcast;

  @AfterEach
  void close() {
    if (pollcast != null) {
      pollcast.close();
    }
  }

  private PollService open(Map<String, String> env) {
    pollcast =
        Pollcast.open(
            ConfigLoader.load(Optional.empty(), env),
            TestSettings.key(),
            clock,
            Map.of(Platform.CONSOLE, publisher));
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    return pollcast.service();
  }

  private PollService inMemory(Map<String, String> extra) {
    pollcast =
        Pollcast.open(
            TestSettings.inMemory(extra),
            TestSettings.key(),
            clock,
            Map.of(Platform.CONSOLE, publisher));
    pollcast.service().importEpisode(HOST, BundledEpisodes.example());
    return pollcast.service();
  }

  private static Actor member(String id) {
    return new Actor(Platform.CONSOLE, id, id, Set.of());
  }

  private CompletableFuture<VoteReply> vote(Actor member, long poll, int option) {
    return pollcast.votes().vote(member, Place.CONSOLE, poll, option);
  }

  private CompletableFuture<VoteReply> withdraw(Actor member, long poll) {
    return pollcast.votes().withdraw(member, Place.CONSOLE, poll);
  }

  private static long poll(PollService service, int thesis) {
    return service.pollIn(Place.CONSOLE, 68, thesis).orElseThrow().pollId();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theShiftCountsOnlyMembersWhoVotedInBothRounds(Engine engine, @TempDir Path dir) {
    PollService service = open(TestSettings.env(engine, dir));
    service.start(HOST, Place.CONSOLE, 68, Optional.empty(), true, Optional.empty());
    long poll = poll(service, 1);
    // before: anna, bert, cees Oneens; dirk Eens; eva votes and withdraws
    for (String name : List.of("anna", "bert", "cees")) {
      assertThat(vote(member(name), poll, 1).join().round()).contains(Round.BEFORE);
    }
    vote(member("dirk"), poll, 0).join();
    vote(member("eva"), poll, 0).join();
    VoteReply withdrawn = withdraw(member("eva"), poll).join();
    assertThat(withdrawn.result().status()).isEqualTo(Status.WITHDRAWN);
    assertThat(withdrawn.round()).contains(Round.BEFORE);

    assertThat(service.after(HOST, 68).polls()).isEqualTo(3);
    // after: anna changes her mind, bert stays, dirk stays; cees does not vote again; fien votes
    // only now
    VoteReply changed = vote(member("anna"), poll, 0).join();
    assertThat(changed.result().status()).isEqualTo(Status.COUNTED);
    assertThat(changed.round()).contains(Round.AFTER);
    vote(member("bert"), poll, 1).join();
    vote(member("dirk"), poll, 0).join();
    vote(member("fien"), poll, 0).join();

    DebateResult debate = thesis(service.tally(HOST, 68), 1).debate().orElseThrow();
    assertThat(debate.round()).isEqualTo(Round.AFTER);
    assertThat(debate.before().options())
        .containsExactly(new OptionResult("Eens", 1, 25), new OptionResult("Oneens", 3, 75));
    assertThat(debate.after().options())
        .containsExactly(new OptionResult("Eens", 3, 75), new OptionResult("Oneens", 1, 25));
    // anna, bert and dirk voted twice: Eens 1 of 3 before (33%), 2 of 3 after (67%)
    assertThat(debate.shift().voters()).isEqualTo(3);
    assertThat(debate.shift().options())
        .containsExactly(new OptionShift("Eens", 34), new OptionShift("Oneens", -34));
    assertThat(debate.shift().mover()).contains(new OptionShift("Eens", 34));
    DebateResult untouched = thesis(service.tally(HOST, 68), 2).debate().orElseThrow();
    assertThat(untouched.shift().voters()).isZero();

    service.close(HOST, 68);
    String announced = pollcast.texts().announcement(publisher.announcements.get(0).results());
    assertThat(announced)
        .contains("Voor het luisteren (4 stem(men))")
        .contains("Na het luisteren (4 stem(men))")
        .contains("Verschuiving bij de 3 leden die in beide rondes stemden: Eens +34, Oneens -34.")
        .contains("Eens overtuigde de meesten (+34 punten).")
        .contains("Meest van mening veranderd: stelling 68.1 (Eens +34 punten).");
  }

  @Test
  void everyClickDuringTheSwitchCountsInExactlyOneRoundAndSaysWhich() {
    PollService service = inMemory(Map.of());
    service.start(HOST, Place.CONSOLE, 68, Optional.empty(), true, Optional.empty());
    long poll = poll(service, 1);
    List<CompletableFuture<VoteReply>> replies = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      replies.add(vote(member("m" + i), poll, i % 2));
      if (i == 30) {
        replies.get(0).join(); // at least one click landed before the switch
        service.after(HOST, 68);
      }
    }
    List<VoteReply> answered = replies.stream().map(CompletableFuture::join).toList();

    long before =
        answered.stream().filter(r -> r.round().equals(Optional.of(Round.BEFORE))).count();
    long after = answered.stream().filter(r -> r.round().equals(Optional.of(Round.AFTER))).count();
    assertThat(answered).allMatch(r -> r.result().status() == Status.COUNTED);
    assertThat(before + after).isEqualTo(60);
    assertThat(before).isGreaterThan(0);
    DebateResult debate = thesis(service.tally(HOST, 68), 1).debate().orElseThrow();
    assertThat(debate.before().voters()).isEqualTo(before);
    assertThat(debate.after().voters()).isEqualTo(after);
    assertThat(debate.shift().voters()).isZero();
  }

  @Test
  void theAfterRoundOpensByItselfAtItsTime() {
    PollService service = inMemory(Map.of());
    StartReport report =
        service.start(
            HOST,
            Place.CONSOLE,
            68,
            ClosingTimes.tryParse("3d"),
            true,
            ClosingTimes.tryParse("2d"));
    long poll = poll(service, 1);
    assertThat(report.afterAt()).contains(START.plus(Duration.ofDays(2)));

    clock.advance(Duration.ofDays(2).minusSeconds(1));
    pollcast.scheduler().runDue();
    assertThat(vote(member("anna"), poll, 0).join().round()).contains(Round.BEFORE);
    clock.advance(Duration.ofSeconds(1));
    pollcast.scheduler().runDue();

    assertThat(vote(member("anna"), poll, 0).join().round()).contains(Round.AFTER);
    assertThat(publisher.edited).anyMatch(view -> view.round().equals(Optional.of(Round.AFTER)));
    assertThatThrownBy(() -> service.after(HOST, 68))
        .isInstanceOf(RefusedException.class)
        .hasFieldOrPropertyWithValue("messageKey", "after.none");
  }

  @Test
  void anEpisodeWithoutDebateBehavesAsBefore() {
    PollService service = inMemory(Map.of());
    service.start(HOST, Place.CONSOLE, 68, Optional.empty());

    VoteReply reply = vote(member("anna"), poll(service, 1), 0).join();

    assertThat(reply.round()).isEmpty();
    assertThat(pollcast.handler().vote(member("bert"), Place.CONSOLE, poll(service, 1), 0).join())
        .doesNotContain("Ronde");
    assertThat(thesis(service.tally(HOST, 68), 1).debate()).isEmpty();
    assertThatThrownBy(() -> service.after(HOST, 68))
        .isInstanceOf(RefusedException.class)
        .hasFieldOrPropertyWithValue("messageKey", "after.no-debate");
    assertThatThrownBy(() -> service.after(member("anna"), 68))
        .isInstanceOf(RefusedException.class)
        .hasFieldOrPropertyWithValue("messageKey", "refused.host");
  }

  @Test
  void hostsStandAgainstTheListenersNamedOrNot() {
    PollService service = inMemory(Map.of());
    service.start(HOST, Place.CONSOLE, 68, Optional.empty());
    vote(member("anna"), poll(service, 1), 1).join();
    Actor second = new Actor(Platform.CONSOLE, "g", "Gijs", Set.of(Role.HOST));

    assertThat(service.stance(HOST, 68, 1, "oneens")).isEqualTo("Oneens");
    service.stance(HOST, 68, 1, "eens"); // replaces her earlier stance
    service.stance(second, 68, 1, "2");

    assertThat(thesis(service.tally(HOST, 68), 1).stances())
        .containsExactly(
            new HostStance(Optional.of("Gijs"), "Oneens"),
            new HostStance(Optional.of("Hanna"), "Eens"));
    assertThat(pollcast.texts().tally(service.tally(HOST, 68)))
        .contains("De hosts: Gijs Oneens, Hanna Eens; de luisteraars: 100% Oneens.");
    assertThatThrownBy(() -> service.stance(member("anna"), 68, 1, "Eens"))
        .hasFieldOrPropertyWithValue("messageKey", "refused.host");
    assertThatThrownBy(() -> service.stance(HOST, 68, 9, "Eens"))
        .hasFieldOrPropertyWithValue("messageKey", "stance.no-thesis");
    assertThatThrownBy(() -> service.stance(HOST, 68, 1, "Misschien"))
        .hasFieldOrPropertyWithValue("messageKey", "vote.unknown-option");
  }

  @Test
  void stanceNamesCanBeLeftOut() {
    PollService service = inMemory(Map.of("CONFIG_FORCE_pollcast_polls_stance__names", "false"));
    service.start(HOST, Place.CONSOLE, 68, Optional.empty());
    service.stance(HOST, 68, 2, "Eens");

    assertThat(thesis(service.tally(HOST, 68), 2).stances())
        .containsExactly(new HostStance(Optional.empty(), "Eens"));
    assertThat(pollcast.texts().tally(service.tally(HOST, 68))).doesNotContain("Hanna");
  }

  @Test
  void retentionKeepsTheShiftOnceTheVotesAreGone() {
    PollService service = inMemory(Map.of());
    service.start(HOST, Place.CONSOLE, 68, Optional.empty(), true, Optional.empty());
    long poll = poll(service, 1);
    vote(member("anna"), poll, 1).join();
    service.after(HOST, 68);
    vote(member("anna"), poll, 0).join();
    service.close(HOST, 68);
    DebateResult kept = thesis(service.tally(HOST, 68), 1).debate().orElseThrow();

    clock.advance(Duration.ofDays(31));
    new Retention(pollcast.database().privacy(), Duration.ofDays(30), clock).run();

    assertThat(thesis(service.tally(HOST, 68), 1).debate()).contains(kept);
    assertThat(kept.shift().voters()).isEqualTo(1);
    int beforeVotes =
        pollcast
            .database()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT COUNT(*) FROM before_vote").mapTo(Integer.class).one());
    assertThat(beforeVotes).isZero();
  }

  @Test
  void aMemberSeesAndForgetsTheirVotesOfBothRounds() {
    PollService service = inMemory(Map.of());
    service.start(HOST, Place.CONSOLE, 68, Optional.empty(), true, Optional.empty());
    long poll = poll(service, 1);
    vote(member("anna"), poll, 1).join();
    vote(member("bert"), poll, 0).join();
    service.after(HOST, 68);
    vote(member("anna"), poll, 0).join();

    String mine =
        pollcast.handler().handleLine(member("anna"), Place.CONSOLE, "/poll my-data").join();
    assertThat(mine)
        .contains("stelling 68.1: Eens · na (na het luisteren)")
        .contains("stelling 68.1: Oneens · voor (voor het luisteren)");
    ForgetReport forgotten = service.forgetMe(member("anna"));
    assertThat(forgotten.withdrawn()).isEqualTo(1);
    assertThat(forgotten.detached()).isEqualTo(1);

    assertThat(service.myData(member("anna")).votes()).isEmpty();
    DebateResult debate = thesis(service.tally(HOST, 68), 1).debate().orElseThrow();
    assertThat(debate.before().voters()).isEqualTo(2); // the before round's counts stay
    assertThat(debate.after().voters()).isZero();
    assertThat(debate.shift().voters()).isZero();
  }

  private static ThesisResult thesis(io.pollcast.domain.EpisodeResults results, int number) {
    return results.theses().stream().filter(t -> t.number() == number).findFirst().orElseThrow();
  }
}
