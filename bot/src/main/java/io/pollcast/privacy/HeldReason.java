package io.pollcast.privacy;

import io.pollcast.domain.PollInfo;
import io.pollcast.domain.Round;
import java.util.Optional;

/**
 * A member's reason for a vote as Pollcast holds it.
 *
 * @param poll the poll it was given on
 * @param round for a debate, the round it counts for
 * @param text what they wrote
 */
public record HeldReason(PollInfo poll, Optional<Round> round, String text) {}
