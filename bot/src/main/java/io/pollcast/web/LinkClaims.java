package io.pollcast.web;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.Platform;
import io.pollcast.domain.Role;
import java.time.Instant;
import java.util.Set;

/**
 * What a signed link grants, as {@link LinkSigner} writes it into the link's token: a role, until
 * when, and for a dashboard whose link it is (a host's actions are logged under their name, and
 * polls they start from the page go to the channel where they asked for the link). An overlay link
 * names only its episode.
 *
 * @param role what the holder may do
 * @param expires when the link stops working, in seconds since the epoch
 * @param platform where the host or moderator asked for the link (empty for an overlay)
 * @param channel the channel they asked in (empty for an overlay)
 * @param userId their platform id, for the audit log (empty for an overlay)
 * @param name their display name (empty for an overlay)
 * @param episode the overlay's episode (0 for a dashboard)
 */
public record LinkClaims(
    LinkRole role,
    long expires,
    String platform,
    String channel,
    String userId,
    String name,
    int episode) {

  /** What a link lets its holder do. */
  public enum LinkRole {
    /** Views tallies, the audit log and the downloads. */
    MODERATOR,
    /** All a moderator may, and starts and closes polls. */
    HOST,
    /** Views one episode's overlay, nothing else. */
    OVERLAY
  }

  /** The claims of a dashboard link for a moderator or host who asked in {@code place}. */
  static LinkClaims dashboard(Actor actor, Place place, Instant expires) {
    return new LinkClaims(
        actor.isHost() ? LinkRole.HOST : LinkRole.MODERATOR,
        expires.getEpochSecond(),
        place.platform().id(),
        place.channel(),
        actor.userId(),
        actor.displayName(),
        0);
  }

  /** The claims of an overlay link. */
  static LinkClaims overlay(int episode, Instant expires) {
    return new LinkClaims(LinkRole.OVERLAY, expires.getEpochSecond(), "", "", "", "", episode);
  }

  /** Whether the holder may open the dashboard. */
  boolean dashboard() {
    return role != LinkRole.OVERLAY;
  }

  /** Whether the holder may start and close polls. */
  boolean host() {
    return role == LinkRole.HOST;
  }

  /** The person who asked for the link, as the poll service knows them. */
  Actor actor() {
    Set<Role> roles =
        switch (role) {
          case HOST -> Set.of(Role.HOST);
          case MODERATOR -> Set.of(Role.MODERATOR);
          case OVERLAY -> Set.of();
        };
    return new Actor(Platform.ofId(platform), userId, name, roles);
  }

  /** Where the holder asked for the link. */
  Place place() {
    return new Place(Platform.ofId(platform), channel);
  }
}
