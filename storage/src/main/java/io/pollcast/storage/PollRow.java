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
 * @param round the round a debate poll is in; empty for a poll that is not a debate
 * @param afterAt when a debate poll's after round opens by itself, if scheduled
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
    Optional<Instant> closedAt,
    Optional<DebateRound> round,
    Optional<Instant> afterAt) {

  /** A poll that is not a debate. */
  public PollRow(
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
    this(
        id,
        episodeNumber,
        thesisNumber,
        platform,
        channel,
        message,
        state,
        optionCount,
        openedAt,
        closesAt,
        closedAt,
        Optional.empty(),
        Optional.empty());
  }

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
        Optional.of(at),
        round,
        afterAt);
  }

  /** Whether it takes votes. */
  public boolean isOpen() {
    return state == PollState.OPEN;
  }

  /** Whether it is a debate, with a before and an after round. */
  public boolean isDebate() {
    return round.isPresent();
  }
}
