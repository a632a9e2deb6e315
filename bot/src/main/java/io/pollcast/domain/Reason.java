package io.pollcast.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Why a member voted as they did, as moderators, hosts and the command line see it: never with the
 * member's name, id or pseudonym.
 *
 * @param id the number moderators refer to it by ({@code R7})
 * @param thesis the thesis number
 * @param round for a debate, the round it counts for
 * @param text what the member wrote, cleaned by {@link ReasonText}
 * @param state shown, featured or hidden
 * @param givenAt when it was given or last replaced
 */
public record Reason(
    long id, int thesis, Optional<Round> round, String text, ReasonState state, Instant givenAt) {

  /** The short id, e.g. {@code R7}. */
  public String shortId() {
    return "R" + id;
  }
}
