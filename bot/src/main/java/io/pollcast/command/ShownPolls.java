package io.pollcast.command;

import io.pollcast.domain.Place;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.poll.PollService;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Finds what a member typed: the poll of a thesis such as {@code 68.1} among those shown in the
 * place where it was typed, and an option of it by label or number. Typed votes, withdrawals and
 * reasons all name their poll this way, so all of them refuse an unknown one with the same words.
 */
final class ShownPolls {
  private final PollService service;

  ShownPolls(PollService service) {
    this.service = service;
  }

  /**
   * The poll of thesis {@code episode.thesis} shown in {@code place}; refused when there is none.
   */
  PollInfo in(Place place, int episode, int thesis) {
    return service
        .pollIn(place, episode, thesis)
        .orElseThrow(
            () ->
                new RefusedException(
                    "vote.no-poll", episode + "." + thesis, String.valueOf(episode)));
  }

  /** An option by its label (ignoring case) or by its number from 1. */
  static OptionalInt optionIndex(PollInfo poll, String typed) {
    String wanted = typed.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < poll.options().size(); i++) {
      if (poll.options().get(i).toLowerCase(Locale.ROOT).equals(wanted)
          || String.valueOf(i + 1).equals(wanted)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }
}
