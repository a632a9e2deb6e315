package io.pollcast.command;

import io.pollcast.domain.Actor;
import io.pollcast.domain.Place;
import io.pollcast.poll.PollService;
import io.pollcast.text.DebateTexts;
import io.pollcast.text.LifecycleTexts;
import io.pollcast.text.TextRenderer;

/**
 * What hosts and moderators do with an episode's polls: list the episodes, start the polls (as a
 * debate if asked), open a debate's after round, state a host's stance, close, reopen and look at
 * the running tally. The {@link PollService} checks who may; refusals are thrown for {@link
 * CommandHandler} to word. Blocks on the database.
 */
final class EpisodeCommands {
  private final PollService service;
  private final TextRenderer texts;
  private final DebateTexts debateTexts;
  private final LifecycleTexts lifecycleTexts;

  EpisodeCommands(PollService service, TextRenderer texts) {
    this.service = service;
    this.texts = texts;
    this.debateTexts = new DebateTexts(texts.messages());
    this.lifecycleTexts = new LifecycleTexts(texts);
  }

  String episodes() {
    return texts.episodes(service.episodes());
  }

  String start(Actor actor, Place place, PollCommand.Start start) {
    return texts.started(
        service.start(
            actor, place, start.episode(), start.closing(), start.debate(), start.after()));
  }

  String after(Actor actor, PollCommand.After after) {
    return debateTexts.after(service.after(actor, after.episode()));
  }

  String stance(Actor actor, PollCommand.Stance stance) {
    String label = service.stance(actor, stance.episode(), stance.thesis(), stance.option());
    return debateTexts.stance(stance.episode() + "." + stance.thesis(), label);
  }

  String close(Actor actor, PollCommand.Close close) {
    return texts.closed(service.close(actor, close.episode()));
  }

  String reopen(Actor actor, PollCommand.Reopen reopen) {
    return lifecycleTexts.reopened(service.reopen(actor, reopen.episode(), reopen.closing()));
  }

  String tally(Actor actor, PollCommand.Tally tally) {
    return texts.tally(service.tally(actor, tally.episode()));
  }
}
