package io.pollcast.storage;

import java.util.List;

/**
 * What saving an episode did.
 *
 * @param created true when the episode was new, false when an earlier import was updated
 * @param keptTheses numbers of theses missing from the new import that were kept because polls (and
 *     possibly votes) refer to them
 */
public record SaveResult(boolean created, List<Integer> keptTheses) {
  public SaveResult {
    keptTheses = List.copyOf(keptTheses);
  }
}
