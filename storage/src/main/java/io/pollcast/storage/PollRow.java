package io.pollcast.storage;

import java.time.Instant;
import java.util.Optional;

/**
 * A thesis posted as a poll in one place.
 *
 * @param id the poll's id, used in button ids
 * @param episodeNumber the episode
 * @param thesisNumber the thesis within the episode
 * @param platform where it was posted: "console", "discord" or "slack"
 * @param channel the channel there
 * @param message the platform's id of the poll message, once posted
 * @param state open or closed
 * @param optionCount how many options it offers
 * @param openedAt when it opened
 * @param closesAt when it closes by itself, if scheduled
 * @param closedAt when it closed
 */
public record PollRow(
    long id,
    int episodeNumber,
    int thesisNumber,
    String platform,
    String channel,
    Optional<String> message,
    PollState state,
    int optionCount,
    Instant openedAt,
    Optional<Instant> closesAt,
    Optional<Instant> closedAt) {

  /** This poll as closed at the given time. */
  public PollRow closedAt(Instant at) {
    return new PollRow(
        id,
        episodeNumber,
        thesisNumber,
        platform,
        channel,
        message,
        PollState.CLOSED,
        optionCount,
        openedAt,
        closesAt,
        Optional.of(at));
  }

  /** Whether it takes votes. */
  public boolean isOpen() {
    return state == PollState.OPEN;
  }
}
