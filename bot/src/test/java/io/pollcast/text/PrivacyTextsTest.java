package io.pollcast.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.config.Language;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.privacy.ForgetReport;
import io.pollcast.privacy.HeldVote;
import io.pollcast.privacy.MemberData;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class PrivacyTextsTest {
  private static final PollInfo POLL =
      new PollInfo(7, 68, 1, new Place(Platform.DISCORD, "c"), List.of("Eens", "@everyone"));
  private static final PollInfo CLOSED =
      new PollInfo(8, 67, 2, new Place(Platform.DISCORD, "c"), List.of("Eens", "Oneens"));

  private static PrivacyTexts texts(Language language) {
    return new PrivacyTexts(new TextRenderer(new Messages(language), ZoneId.of("UTC")));
  }

  @Test
  void myDataListsTheVotesAndSaysWhatIsNotHeld() {
    MemberData data =
        new MemberData(
            Platform.DISCORD,
            List.of(
                new HeldVote(POLL, "@everyone", Optional.empty()),
                new HeldVote(CLOSED, "Oneens", Optional.of(Instant.parse("2026-11-29T20:00:00Z")))),
            0);

    String dutch = texts(Language.NL).myData(data);
    String english = texts(Language.EN).myData(data);

    assertThat(dutch)
        .startsWith("Wat Pollcast over jou bewaart op discord:")
        .contains("stelling 68.1: @\u200Beveryone (open")
        .contains("stelling 67.2: Oneens (gesloten op")
        .contains("Verder niets: geen naam, gebruikers-id, profiel of berichten")
        .contains("/poll forget-me");
    assertThat(english)
        .contains("thesis 68.1:")
        .contains("only Pollcast's secret key")
        .doesNotContain("''");
  }

  @Test
  void aHostIsToldAboutTheAuditLogAndNothingElseClaimsOtherwise() {
    MemberData host = new MemberData(Platform.CONSOLE, List.of(), 3);

    assertThat(texts(Language.NL).myData(host))
        .contains("Geen stemmen")
        .contains("3 regel(s) in het auditlog")
        .doesNotContain("geen naam, gebruikers-id")
        .doesNotContain("forget-me");
    assertThat(texts(Language.EN).myData(host)).contains("3 line(s) in the audit log");
  }

  @Test
  void forgettingSaysWhatWasRemovedAndWhatStays() {
    assertThat(texts(Language.NL).forgotten(new ForgetReport(2, 1, 0)))
        .isEqualTo(
            "Vergeten: 2 stem(men) op open polls ingetrokken en 1 stem(men) op gesloten polls van"
                + " jou losgekoppeld (die tellen alleen nog mee in de totalen). Pollcast bewaart nu"
                + " geen stem meer van jou.");
    assertThat(texts(Language.EN).forgotten(new ForgetReport(0, 0, 4)))
        .isEqualTo(
            "Pollcast held no vote of yours; nothing changed.\nThe audit log stays: 4 line(s) about"
                + " what you did as a host or moderator, since you acted with authority there.");
  }
}
