package io.pollcast.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollcast.MutableClock;
import io.pollcast.TestSettings;
import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class LinkSignerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final LinkSigner signer = new LinkSigner(TestSettings.key(), clock);
  private final Actor moderator =
      new Actor(Platform.DISCORD, "1200000000000000001", "Mo", Set.of(Role.MODERATOR));

  @Test
  void aTokenNamesItsRoleAndPlaceUntilItExpires() {
    String token =
        signer.sign(
            LinkClaims.dashboard(
                moderator, new Place(Platform.DISCORD, "42"), clock.instant().plusSeconds(60)));

    LinkClaims claims = signer.verify(token).orElseThrow();
    assertThat(claims.role()).isEqualTo(LinkClaims.LinkRole.MODERATOR);
    assertThat(claims.host()).isFalse();
    assertThat(claims.place()).isEqualTo(new Place(Platform.DISCORD, "42"));

    clock.advance(Duration.ofSeconds(60));
    assertThat(signer.verify(token)).isEmpty();
  }

  @Test
  void forgedOrForeignTokensAreRefused() {
    String token = signer.sign(LinkClaims.overlay(68, clock.instant().plusSeconds(60)));
    String body = token.substring(0, token.indexOf('.'));
    String otherKeys =
        new LinkSigner(new byte[32], clock)
            .sign(LinkClaims.overlay(68, clock.instant().plusSeconds(60)));

    assertThat(signer.verify(token)).isPresent();
    assertThat(signer.verify(otherKeys)).isEmpty();
    assertThat(signer.verify(body + "." + body)).isEmpty();
    assertThat(signer.verify(token + "x")).isEmpty();
    assertThat(signer.verify("")).isEmpty();
    assertThat(signer.verify(null)).isEmpty();
  }

  @Test
  void aCsrfTokenBelongsToOneLink() {
    String one = signer.sign(LinkClaims.overlay(68, clock.instant().plusSeconds(60)));
    String two = signer.sign(LinkClaims.overlay(69, clock.instant().plusSeconds(60)));

    assertThat(signer.csrfMatches(one, signer.csrf(one))).isTrue();
    assertThat(signer.csrfMatches(two, signer.csrf(one))).isFalse();
    assertThat(signer.csrfMatches(one, null)).isFalse();
  }
}
