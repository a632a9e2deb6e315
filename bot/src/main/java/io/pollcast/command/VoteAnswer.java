package io.pollcast.command;

import java.util.OptionalLong;

/**
 * The private answer to a click on a vote button.
 *
 * @param text what the member is told
 * @param reasonPoll the poll on which the member may now give a reason (their vote counts there);
 *     empty when the vote was refused or failed
 */
public record VoteAnswer(String text, OptionalLong reasonPoll) {}
