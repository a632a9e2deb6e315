package io.pollcast.domain;

/**
 * One line of the episode list.
 *
 * @param number episode number
 * @param title episode title
 * @param theses how many theses it has
 * @param openPolls polls of it that are open, over all places
 * @param closedPolls polls of it that are closed, over all places
 */
public record EpisodeSummary(
    int number, String title, int theses, int openPolls, int closedPolls) {}
