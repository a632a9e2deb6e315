package io.pollcast.command;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.PollService;
import io.pollcast.privacy.AuditAction;
import io.pollcast.text.TextRenderer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Hands moderators and hosts their private links: {@code /poll dashboard} and {@code /poll overlay
 * 68}. Each link handed out is written to the audit log (who, which role, until when; never the
 * token), since a link gives access for as long as it is valid.
 */
final class LinkCommands {
  private final PollService service;
  private final WebLinks links;
  private final TextRenderer texts;

  LinkCommands(PollService service, WebLinks links, TextRenderer texts) {
    this.service = service;
    this.links = links;
    this.texts = texts;
  }

  String dashboard(Actor actor, Place place) {
    return link(actor, place, OptionalInt.empty());
  }

  String overlay(Actor actor, Place place, PollCommand.Overlay overlay) {
    service.theses(overlay.episode()); // refuses an unknown episode
    return link(actor, place, OptionalInt.of(overlay.episode()));
  }

  /** A dashboard link, or an overlay link for an episode; moderators and hosts only. */
  private String link(Actor actor, Place place, OptionalInt overlayEpisode) {
    if (!actor.canViewTallies()) {
      throw new RefusedException("refused.link");
    }
    Optional<WebLinks.Link> link =
        overlayEpisode.isPresent()
            ? links.overlay(overlayEpisode.getAsInt())
            : links.dashboard(actor, place);
    link.ifPresent(made -> audit(actor, overlayEpisode, made));
    return link.map(
            made ->
                texts
                    .messages()
                    .get(
                        overlayEpisode.isPresent() ? "link.overlay" : "link.dashboard",
                        made.url(),
                        texts.dateTime(made.expires())))
        .orElseGet(() -> texts.messages().get("link.off"));
  }

  /** Writes who was handed which link, their role and its expiry; never the token. */
  private void audit(Actor actor, OptionalInt overlayEpisode, WebLinks.Link link) {
    String role = actor.isHost() ? "host" : "moderator";
    String detail =
        overlayEpisode.isPresent()
            ? "overlay link (read-only) for " + role + ", valid until " + link.expires()
            : "dashboard link as " + role + ", valid until " + link.expires();
    service
        .audit()
        .record(
            actor,
            AuditAction.LINK,
            overlayEpisode.isPresent() ? Optional.of(overlayEpisode.getAsInt()) : Optional.empty(),
            detail);
  }
}
