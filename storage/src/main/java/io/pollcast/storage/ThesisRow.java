package io.pollcast.storage;

/**
 * A stored thesis of an episode.
 *
 * @param episodeNumber the episode it belongs to
 * @param number its number within the episode, from 1
 * @param text the thesis, word for word
 * @param context the paragraph under it in the show notes; may be empty
 */
public record ThesisRow(int episodeNumber, int number, String text, String context) {}
