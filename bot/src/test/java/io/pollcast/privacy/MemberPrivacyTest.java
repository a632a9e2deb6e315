package io.pollcast.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.BundledEpisodes;
import io.pollcast.MutableClock;
import io.pollcast.Pollcast;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.OptionResult;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import io.pollcast.poll.PollService;
import io.pollcast.poll.RecordingPublisher;
import io.pollcast.poll.VoteIntake;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /poll my-data} and {@code /poll forget-me} through the poll service. */
final class MemberPrivacyTest {
  private static final Actor HOST = new Actor(Platform.CONSOLE, "h", "host", Set.of(Role.HOST));
  private static final Place SLACK = new Place(Platform.SLACK, "C1");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T20:00:00Z"));
  private final Pollcast pollcast =
      Pollcast.open(
          TestSettings.inMemory(Map.of()),
          TestSettings.key(),
          clock,
          Map.of(
              Platform.CONSOLE,
              new RecordingPublisher(),
              Platform.SLACK,
              new RecordingPublisher()));

  MemberPrivacyTest() {
    service().importEpisode(HOST, BundledEpisodes.example());
    service().start(HOST, Place.CONSOLE, 68, Optional.empty());
  }

  @AfterEach
  void close() {
    pollcast.close();
  }

  private PollService service() {
    return pollcast.service();
  }

  private VoteIntake votes() {
    return pollcast.votes();
  }

  private static Actor member(String id) {
    return new Actor(Platform.CONSOLE, id, id, Set.of());
  }

  private long poll(int thesis) {
    return service().pollIn(Place.CONSOLE, 68, thesis).orElseThrow().pollId();
  }

  private void vote(Actor actor, int thesis, int option) {
    votes().vote(actor, Place.CONSOLE, poll(thesis), option).join();
  }

  private List<Integer> votes(int thesis) {
    return service().results(68).theses().get(thesis - 1).options().stream()
        .map(OptionResult::votes)
        .toList();
  }

  @Test
  void myDataShowsExactlyTheMembersOwnVotes() {
    vote(member("anna"), 1, 0);
    vote(member("anna"), 3, 1);
    vote(member("bert"), 2, 1);

    MemberData anna = service().myData(member("anna"));
    MemberData cees = service().myData(member("cees"));

    assertThat(anna.votes())
        .extracting(v -> v.poll().reference(), HeldVote::option, HeldVote::open)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("68.1", "Eens", true),
            org.assertj.core.groups.Tuple.tuple("68.3", "Oneens", true));
    assertThat(anna.auditEntries()).isZero();
    assertThat(cees.isEmpty()).isTrue();
  }

  @Test
  void theSameUserIdOnAnotherPlatformIsAnotherPerson() {
    service().start(HOST, SLACK, 68, Optional.empty());
    Actor slackAnna = new Actor(Platform.SLACK, "anna", "anna", Set.of());
    votes().vote(slackAnna, SLACK, service().pollIn(SLACK, 68, 1).orElseThrow().pollId(), 1).join();
    vote(member("anna"), 1, 0);

    ForgetReport forgotten = service().forgetMe(member("anna"));

    assertThat(forgotten.withdrawn()).isEqualTo(1);
    assertThat(service().myData(slackAnna).votes())
        .extracting(HeldVote::option)
        .containsExactly("Oneens");
  }

  @Test
  void forgetMeWithdrawsOpenVotesAndKeepsTheCountsExact() {
    vote(member("anna"), 1, 0);
    vote(member("anna"), 2, 1);
    vote(member("bert"), 1, 0);

    ForgetReport report = service().forgetMe(member("anna"));

    assertThat(report).isEqualTo(new ForgetReport(2, 0, 0));
    assertThat(votes(1)).containsExactly(1, 0);
    assertThat(votes(2)).containsExactly(0, 0);
    assertThat(service().myData(member("anna")).isEmpty()).isTrue();
    assertThat(service().myData(member("bert")).votes()).hasSize(1);
    assertThat(pollcast.database().polls().counterDifferences()).isEmpty();
    assertThat(service().forgetMe(member("anna")).nothing()).isTrue();
  }

  @Test
  void forgetMeAfterClosingUnlinksTheVoteButTheResultStays() {
    vote(member("anna"), 1, 1);
    vote(member("bert"), 1, 1);
    service().close(HOST, 68);
    assertThat(service().myData(member("anna")).votes())
        .singleElement()
        .satisfies(v -> assertThat(v.open()).isFalse());

    ForgetReport report = service().forgetMe(member("anna"));

    assertThat(report).isEqualTo(new ForgetReport(0, 1, 0));
    assertThat(votes(1)).containsExactly(0, 2);
    assertThat(service().myData(member("anna")).isEmpty()).isTrue();
    assertThat(service().myData(member("bert")).votes()).hasSize(1);
    assertThat(pollcast.database().polls().counterDifferences()).isEmpty();
  }

  @Test
  void aHostsDataIncludesTheAuditLogWhichForgetMeKeeps() {
    vote(HOST, 1, 0);

    MemberData data = service().myData(HOST);
    ForgetReport report = service().forgetMe(HOST);

    assertThat(data.auditEntries()).isEqualTo(2); // the import and the start
    assertThat(report).isEqualTo(new ForgetReport(1, 0, 2));
  }
}
