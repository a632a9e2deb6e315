package io.pollcast.poll;

import java.util.List;

/**
 * What importing an episode did.
 *
 * @param episode the episode number
 * @param title its title
 * @param theses how many theses the import held
 * @param created true for a new episode, false for an update of an earlier import
 * @param keptTheses theses missing from this import but kept because polls refer to them
 */
public record ImportReport(
    int episode, String title, int theses, boolean created, List<Integer> keptTheses) {
  public ImportReport {
    keptTheses = List.copyOf(keptTheses);
  }
}
