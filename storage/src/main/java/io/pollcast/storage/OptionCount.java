package io.pollcast.storage;

/**
 * One option of a poll with its current count.
 *
 * @param pollId the poll
 * @param index position of the option, from 0
 * @param label what the button says
 * @param votes votes it has now
 */
public record OptionCount(long pollId, int index, String label, int votes) {}
