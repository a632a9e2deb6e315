package io.pollcast.poll;

import io.pollcast.domain.ClosingTime;
import io.pollcast.domain.Notice;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.ThesisDraft;
import java.util.List;
import java.util.Optional;

/**
 * What importing an episode did, or would do on a dry run: everything a host needs to check that
 * the notes were read as meant.
 *
 * @param episode the episode number
 * @param title its title
 * @param theses the theses as read, in order
 * @param options the options its polls offer
 * @param closing when its polls close by themselves, if the notes say
 * @param created true for a new episode, false for an update of an earlier import
 * @param keptTheses theses missing from this import but kept because polls refer to them
 * @param warnings what was read all the same but deserves a look
 * @param edited posted polls whose message now shows the new text
 * @param notEdited posted polls whose text changed but whose message could not be edited from here
 *     (their platform is not connected in this process, or it refused the edit)
 * @param dryRun true when nothing was stored or edited
 */
public record ImportReport(
    int episode,
    String title,
    List<ThesisDraft> theses,
    List<String> options,
    Optional<ClosingTime> closing,
    boolean created,
    List<Integer> keptTheses,
    List<Notice> warnings,
    List<PollInfo> edited,
    List<PollInfo> notEdited,
    boolean dryRun) {
  public ImportReport {
    theses = List.copyOf(theses);
    options = List.copyOf(options);
    keptTheses = List.copyOf(keptTheses);
    warnings = List.copyOf(warnings);
    edited = List.copyOf(edited);
    notEdited = List.copyOf(notEdited);
  }
}
