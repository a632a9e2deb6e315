package io.pollcast.importer;

import io.pollcast.config.Language;
import io.pollcast.domain.EpisodeDraft;
import io.pollcast.domain.Notice;
import io.pollcast.domain.ThesisDraft;
import io.pollcast.importer.ShowNotesSyntax.ThesisHeading;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads show notes, the plain text a host already writes for an episode, into an {@link
 * EpisodeDraft}.
 *
 * <p>The first non-blank line is the episode number ({@code 68}, {@code Aflevering 68}, {@code
 * Episode 68}, {@code #68}, {@code 68.}; a title may follow on the same line after a colon or
 * dash), the next non-blank line is the title. After that come free paragraphs and headings. A
 * thesis is a heading such as {@code Stelling 1: text} (also {@code Thesis}/{@code
 * Statement}/{@code Motion}, a dash, en dash or full stop instead of the colon, {@code #} before
 * the number, the number as a word, {@code 2. Stelling:}, who brought it in parentheses, an emoji
 * or markdown around it); its text runs on over the following lines up to a blank line. A line that
 * starts like a heading but is none of these is refused with its line, never taken as context. An
 * episode with one thesis may leave its number out ({@code Motion: text}, {@code Be it resolved:
 * text}).
 *
 * <p>The context of a thesis is everything under it up to the next thesis, an {@code
 * Opties:}/{@code Sluit:} line, a markdown heading or rule ({@code ---}), or a well-known closing
 * section such as "Conclusie": paragraphs and lists are kept. A short line that may be a heading
 * but may as well be a sentence stays in the context, with a warning. Everything outside a thesis
 * is ignored. Gaps in the numbering, theses longer than Discord shows and duplicate texts are
 * warnings ({@link EpisodeDraft#warnings()}).
 *
 * <p>Optional settings: {@code Opties: Eens / Oneens / Weet niet} (or {@code Options:}, separated
 * by {@code /}, or by {@code ,} when there is no {@code /}) and {@code Sluit: 3d} (or {@code
 * Closes: 2026-12-01T20:00}). Any problem stops the import with an {@link EpisodeFormatException}
 * naming the line; nothing partial is returned. Instances hold no state and may be shared.
 */
public final class ShowNotesParser {
  /** Parses show notes; {@code source} names the text in error messages, e.g. the file name. */
  public EpisodeDraft parse(String text, String source) throws EpisodeFormatException {
    return new Reading(SourceLines.split(text, source), new EpisodeRules(source)).episode();
  }

  /** A thesis whose heading was read and whose text and context are still being read. */
  private record PendingThesis(Optional<Integer> number, int line) {
    /** How the host refers to it: its number, or "1" for the one thesis of an episode. */
    String label() {
      return String.valueOf(number.orElse(1));
    }
  }

  /**
   * The state of one parse, top to bottom: after the {@link ShowNotesHeader head}, the body's
   * theses with their text and context, and its {@link ShowNotesSettings settings}.
   */
  private static final class Reading {
    private final List<SourceLine> lines;
    private final EpisodeRules rules;
    private final ThesisNumbering numbering;
    private final ShowNotesSettings settings;
    private final List<ThesisDraft> theses = new ArrayList<>();
    private Optional<PendingThesis> thesis = Optional.empty();
    private final List<String> thesisText = new ArrayList<>();
    private boolean readingText;
    private final List<String> context = new ArrayList<>();
    private final List<Integer> thesisLines = new ArrayList<>();
    private final List<Integer> unnumbered = new ArrayList<>();
    private final Set<Language> languages = EnumSet.noneOf(Language.class);
    private final List<Notice> warnings = new ArrayList<>();

    Reading(List<SourceLine> lines, EpisodeRules rules) {
      this.lines = lines;
      this.rules = rules;
      this.numbering = new ThesisNumbering(rules);
      this.settings = new ShowNotesSettings(rules);
    }

    EpisodeDraft episode() throws EpisodeFormatException {
      ShowNotesHeader header = ShowNotesHeader.read(lines, rules);
      readBody(header.body());
      if (theses.isEmpty()) {
        throw rules.problem(0, "no-theses");
      }
      if (!unnumbered.isEmpty() && theses.size() > 1) {
        throw rules.problem(unnumbered.get(0), "unnumbered");
      }
      warnings.addAll(EpisodeWarnings.of(theses, thesisLines));
      Optional<Language> language =
          languages.size() == 1 ? languages.stream().findFirst() : Optional.empty();
      return new EpisodeDraft(
              header.number(),
              header.title(),
              theses,
              settings.options(),
              settings.closing(),
              language,
              warnings)
          .withDebate(settings.debate());
    }

    private void readBody(int start) throws EpisodeFormatException {
      for (int i = start; i < lines.size(); i++) {
        SourceLine line = lines.get(i);
        String text = line.text();
        if (line.isBlank()) {
          readingText = false;
          context.add("");
          continue;
        }
        Optional<ThesisHeading> heading = ShowNotesSyntax.thesisHeading(text);
        if (heading.isPresent()) {
          finishThesis();
          startThesis(line, heading.get());
        } else if (ShowNotesSyntax.looksLikeThesisHeading(text)) {
          throw rules.problem(line.number(), "heading-unreadable", line.shortened());
        } else if (ShowNotesSyntax.label(text).isPresent()) {
          finishThesis();
          settings.read(line, ShowNotesSyntax.label(text).get());
        } else if (readingText && !ShowNotesSyntax.startsContext(text)) {
          thesisText.add(text);
        } else if (isSectionHeading(i) && !keptInContext(line)) {
          finishThesis();
        } else {
          readingText = false;
          context.add(text);
        }
      }
      finishThesis();
    }

    /**
     * A markdown heading or rule, or a short line without final punctuation that stands between
     * blank lines and heads a paragraph, such as "Conclusie". A short line followed by nothing but
     * a thesis or the end of the file heads nothing: it is context.
     */
    private boolean isSectionHeading(int index) {
      String text = lines.get(index).text();
      if (ShowNotesSyntax.isMarkdownHeading(text) || ShowNotesSyntax.isThematicBreak(text)) {
        return true;
      }
      boolean afterBlank = index == 0 || lines.get(index - 1).isBlank();
      boolean beforeBlank = index + 1 == lines.size() || lines.get(index + 1).isBlank();
      return afterBlank
          && beforeBlank
          && ShowNotesSyntax.looksLikeHeading(text)
          && headsAParagraph(index);
    }

    private boolean headsAParagraph(int index) {
      int next = SourceLines.nextNonBlank(lines, index + 1);
      if (next < 0) {
        return false;
      }
      String text = lines.get(next).text();
      return ShowNotesSyntax.thesisHeading(text).isEmpty()
          && ShowNotesSyntax.label(text).isEmpty()
          && !ShowNotesSyntax.looksLikeThesisHeading(text);
    }

    /**
     * Whether a line that may be a section heading stays in a thesis's context: a short line
     * without a final full stop is as often a sentence as a heading, and leaving a sentence out
     * would be quietly wrong, so only a markdown heading, a rule or a well-known section such as
     * "Conclusie" ends the context. The host is told about any other.
     */
    private boolean keptInContext(SourceLine line) {
      String text = line.text();
      if (thesis.isEmpty()
          || ShowNotesSyntax.isMarkdownHeading(text)
          || ShowNotesSyntax.isThematicBreak(text)
          || ShowNotesSyntax.isKnownSection(text)) {
        return false;
      }
      String plain = ShowNotesSyntax.plain(text);
      warnings.add(
          Notice.of(line.number(), "notes.warning.section-kept", plain, thesis.get().label()));
      return true;
    }

    private void startThesis(SourceLine line, ThesisHeading heading) throws EpisodeFormatException {
      Optional<Integer> number = Optional.empty();
      if (heading.number().isPresent()) {
        int value = rules.thesisNumber(line.number(), heading.number().get());
        numbering.add(value, line.number());
        number = Optional.of(value);
      } else {
        unnumbered.add(line.number());
      }
      languages.add(heading.language());
      thesis = Optional.of(new PendingThesis(number, line.number()));
      thesisText.clear();
      thesisText.add(heading.text());
      readingText = true;
      context.clear();
    }

    private void finishThesis() throws EpisodeFormatException {
      if (thesis.isPresent()) {
        PendingThesis pending = thesis.get();
        int number = pending.number().orElse(1);
        String raw = String.join(" ", thesisText).strip();
        if (raw.isEmpty()) {
          throw rules.problem(pending.line(), "thesis-no-text", pending.label());
        }
        String text = rules.thesisText(pending.line(), number, raw);
        String explanation = rules.context(pending.line(), number, String.join("\n", context));
        theses.add(new ThesisDraft(number, text, explanation));
        thesisLines.add(pending.line());
        thesis = Optional.empty();
      }
      readingText = false;
      context.clear();
    }
  }
}
