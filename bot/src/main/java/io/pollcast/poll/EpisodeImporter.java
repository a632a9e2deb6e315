package io.pollcast.poll;

import io.pollcast.config.PollsConfig;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.Platform;
import io.pollcast.domain.PollInfo;
import io.pollcast.domain.RefusedException;
import io.pollcast.domain.StanceDraft;
import io.pollcast.domain.ThesisDraft;
import io.pollcast.storage.Database;
import io.pollcast.storage.EpisodeRow;
import io.pollcast.storage.PollRow;
import io.pollcast.storage.SaveResult;
import io.pollcast.storage.StanceRow;
import io.pollcast.storage.ThesisRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores an imported episode and brings its posted polls in line: a fixed typo in the notes is
 * fixed in every poll message members see, on every connected platform. A change that would alter
 * the options of a posted poll is refused before anything is stored, since votes are cast on
 * options. The hosts' stances a file states replace those the file stated before (under platform
 * {@value #FILE}); a stance that is no option of the episode is refused before anything is stored.
 * Role checks are the caller's. Thread-safe.
 */
public final class EpisodeImporter {
  private static final Logger LOG = LoggerFactory.getLogger(EpisodeImporter.class);

  /** The platform under which stances from an episode file are stored. */
  static final String FILE = "file";

  private final Database db;
  private final PollsConfig config;
  private final Clock clock;
  private final Map<Platform, PollPublisher> publishers;
  private final PollCatalog catalog;
  private final PollViews views;
  private final PollMessageLocks messageLocks;

  public EpisodeImporter(
      Database db,
      PollsConfig config,
      Clock clock,
      Map<Platform, PollPublisher> publishers,
      PollCatalog catalog,
      PollViews views,
      PollMessageLocks messageLocks) {
    this.db = db;
    this.config = config;
    this.clock = clock;
    this.publishers = Map.copyOf(publishers);
    this.catalog = catalog;
    this.views = views;
    this.messageLocks = messageLocks;
  }

  /**
   * Imports an episode, or on a dry run only says what importing it would do.
   *
   * @throws RefusedException when the options of a posted poll would change; nothing is changed
   */
  ImportReport importEpisode(EpisodeDraft draft, boolean dryRun) {
    List<String> stored = NotesOptions.stored(draft, config.defaultOptions());
    List<String> options = NotesOptions.effective(stored, config.defaultOptions());
    List<PollRow> polls = db.polls().ofEpisode(draft.number());
    refuseOptionChanges(draft, polls, options);
    List<StanceRow> stances = stances(draft, options);
    Map<Integer, ThesisRow> before =
        db.episodes().theses(draft.number()).stream()
            .collect(Collectors.toMap(ThesisRow::number, Function.identity()));
    List<PollRow> changed =
        polls.stream()
            .filter(p -> p.message().isPresent() && changes(before.get(p.thesisNumber()), draft, p))
            .toList();
    boolean created;
    List<Integer> kept;
    if (dryRun) {
      created = db.episodes().find(draft.number()).isEmpty();
      Set<Integer> numbers = numbers(draft);
      kept =
          polls.stream()
              .map(PollRow::thesisNumber)
              .filter(n -> !numbers.contains(n))
              .distinct()
              .sorted()
              .toList();
    } else {
      SaveResult saved = save(draft, stored);
      db.stances().replaceFrom(FILE, draft.number(), stances, clock.instant());
      created = saved.created();
      kept = saved.keptTheses();
    }
    List<PollInfo> edited = new ArrayList<>();
    List<PollInfo> notEdited = new ArrayList<>();
    for (PollRow poll : changed) {
      PollInfo info = catalog.get(poll.id()).orElseThrow();
      if (dryRun) {
        edited.add(info);
      } else if (edit(poll)) {
        edited.add(info);
      } else {
        notEdited.add(info);
      }
    }
    return new ImportReport(
        draft.number(),
        draft.title(),
        draft.theses(),
        options,
        draft.closing(),
        created,
        kept,
        draft.warnings(),
        edited,
        notEdited,
        dryRun);
  }

  private void refuseOptionChanges(EpisodeDraft draft, List<PollRow> polls, List<String> options) {
    Set<Integer> numbers = numbers(draft);
    List<Integer> voted = new ArrayList<>();
    List<Integer> unvoted = new ArrayList<>();
    for (PollRow poll : polls) {
      List<String> current = catalog.get(poll.id()).orElseThrow().options();
      if (numbers.contains(poll.thesisNumber()) && !current.equals(options)) {
        (db.polls().voters(poll.id()) > 0 ? voted : unvoted).add(poll.thesisNumber());
      }
    }
    if (!voted.isEmpty()) {
      throw new RefusedException("import.options-voted", join(voted), String.join(" / ", options));
    }
    if (!unvoted.isEmpty()) {
      throw new RefusedException(
          "import.options-posted", join(unvoted), String.join(" / ", options));
    }
  }

  /** The file's stances with each label as the episode spells it; refused for a non-option. */
  private static List<StanceRow> stances(EpisodeDraft draft, List<String> options) {
    List<StanceRow> stances = new ArrayList<>();
    for (ThesisDraft thesis : draft.theses()) {
      for (StanceDraft stance : thesis.stances()) {
        String label =
            Options.find(options, stance.label())
                .orElseThrow(
                    () ->
                        new RefusedException(
                            "import.stance-option",
                            String.valueOf(stance.line()),
                            stance.label(),
                            draft.number() + "." + thesis.number(),
                            String.join(", ", options)));
        stances.add(new StanceRow(thesis.number(), stance.host().orElse(""), label));
      }
    }
    return stances;
  }

  private SaveResult save(EpisodeDraft draft, List<String> options) {
    EpisodeRow episode =
        new EpisodeRow(
            draft.number(),
            draft.title(),
            options,
            draft.closing().map(ClosingTimes::format),
            clock.instant(),
            draft.debate());
    List<ThesisRow> theses =
        draft.theses().stream()
            .map(t -> new ThesisRow(draft.number(), t.number(), t.text(), t.context()))
            .toList();
    return db.episodes().save(episode, theses);
  }

  /** Shows the poll's new text in its message; false if no publisher here could. */
  private boolean edit(PollRow poll) {
    PollPublisher publisher = publishers.get(Platform.ofId(poll.platform()));
    if (publisher == null) {
      return false;
    }
    try {
      messageLocks.edit(
          poll.id(), () -> publisher.showEdited(poll.message().orElseThrow(), views.of(poll.id())));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Could not edit the message of poll {}: {}", poll.id(), e.toString());
      return false;
    }
  }

  private static boolean changes(ThesisRow before, EpisodeDraft draft, PollRow poll) {
    if (before == null) {
      return false;
    }
    return draft.theses().stream()
        .filter(t -> t.number() == poll.thesisNumber())
        .anyMatch(
            t ->
                !Objects.equals(t.text(), before.text())
                    || !Objects.equals(t.context(), before.context()));
  }

  private static Set<Integer> numbers(EpisodeDraft draft) {
    return draft.theses().stream().map(ThesisDraft::number).collect(Collectors.toSet());
  }

  private static String join(List<Integer> numbers) {
    return numbers.stream()
        .distinct()
        .sorted()
        .map(String::valueOf)
        .collect(Collectors.joining(", "));
  }
}
