package io.pollcast.poll;

import io.pollcast.config.Language;
import io.pollcast.domain.EpisodeDraft;
import java.util.List;
import java.util.Map;

/**
 * The options an imported episode offers: the notes' own ({@code Opties:}), else the usual pair in
 * the notes' language (English notes get Agree / Disagree, Dutch notes Eens / Oneens) as long as
 * the configured default is one of those pairs, else the configured default. An operator who
 * configured options of their own keeps them.
 */
final class NotesOptions {
  private static final Map<Language, List<String>> USUAL =
      Map.of(Language.NL, List.of("Eens", "Oneens"), Language.EN, List.of("Agree", "Disagree"));

  private NotesOptions() {}

  /** The options to store with the episode; empty means "the configured default". */
  static List<String> stored(EpisodeDraft draft, List<String> configured) {
    if (!draft.options().isEmpty()) {
      return draft.options();
    }
    if (draft.language().isPresent() && USUAL.containsValue(configured)) {
      return USUAL.get(draft.language().get());
    }
    return List.of();
  }

  /** The options polls of the episode offer. */
  static List<String> effective(List<String> stored, List<String> configured) {
    return stored.isEmpty() ? configured : stored;
  }
}
