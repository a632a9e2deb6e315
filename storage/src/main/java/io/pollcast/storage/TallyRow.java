package io.pollcast.storage;

/**
 * Votes for one option of one thesis on one platform, summed over that platform's polls.
 *
 * @param thesisNumber the thesis
 * @param platform the platform
 * @param index position of the option, from 0
 * @param label the option
 * @param votes how many votes it has
 */
public record TallyRow(int thesisNumber, String platform, int index, String label, int votes) {}
