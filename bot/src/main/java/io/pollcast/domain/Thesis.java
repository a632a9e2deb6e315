package io.pollcast.domain;

/**
 * A thesis of an episode.
 *
 * @param episode the episode it belongs to
 * @param number its number within the episode, from 1
 * @param text the thesis, word for word
 * @param context the paragraph under it in the show notes; may be empty
 */
public record Thesis(int episode, int number, String text, String context) {}
